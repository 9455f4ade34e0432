package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.TokenQuery;

import java.util.Objects;

/** A registry listing asked for by {@code actor}. */
public record ListTokensQuery(Actor actor, TokenQuery query) {
    public ListTokensQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(query, "query");
    }
}
