package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.User;

import java.util.Objects;

/** The user as updated, or why nothing changed. */
public sealed interface UpdateUserResult permits UpdateUserResult.Updated, UpdateUserResult.NotFound, Invalid {
    record Updated(User user) implements UpdateUserResult {
        public Updated {
            Objects.requireNonNull(user, "user");
        }
    }

    record NotFound(String email) implements UpdateUserResult {
    }
}
