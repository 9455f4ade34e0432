package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;

import java.util.Objects;

/** One registry row by jti, as {@code actor} may see it. */
public record FindTokenQuery(Actor actor, String jti) {
    public FindTokenQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(jti, "jti");
    }
}
