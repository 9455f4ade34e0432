package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;

import java.util.Objects;

/** A family (owner or admin) and its refresh tokens. */
public record FindFamilyQuery(Actor actor, FamilyRef family) {
    public FindFamilyQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(family, "family");
    }
}
