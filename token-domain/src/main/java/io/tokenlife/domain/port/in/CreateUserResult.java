package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.User;

import java.util.Objects;

/** The new user, or why there is none. */
public sealed interface CreateUserResult permits CreateUserResult.Created, CreateUserResult.Taken, Invalid {
    record Created(User user) implements CreateUserResult {
        public Created {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A user with this e-mail (without regard to case) exists already. */
    record Taken(String email) implements CreateUserResult {
        public String detail() {
            return "a user with e-mail '" + email + "' already exists";
        }
    }
}
