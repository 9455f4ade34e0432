package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;

import java.util.Objects;
import java.util.Optional;

/** End a refresh-token family: its refresh tokens and every live access token of it. */
public record RevokeFamilyCommand(Actor actor, FamilyRef family, Optional<String> reason) {
    public RevokeFamilyCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(reason, "reason");
    }
}
