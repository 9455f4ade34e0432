package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;

import java.util.Optional;

/** The actor is recorded with what they change ({@code revoked_by}), so its name is bounded like a subject. */
final class Actors {
    private Actors() {
    }

    static Optional<Invalid> tooLong(Actor actor) {
        return Limits.exceeds(actor.subject(), Limits.MAX_SUBJECT)
                ? Optional.of(new Invalid(Field.SUBJECT, "the acting subject is longer than " + Limits.MAX_SUBJECT
                + " characters and cannot be recorded"))
                : Optional.empty();
    }
}
