package io.tokenlife.app.http.user;

import io.tokenlife.domain.model.User;

import java.time.Instant;

/** A user as the API shows it: never the password hash. */
public record UserView(String email, String fullName, boolean admin, boolean active, Instant createdAt,
                       Instant updatedAt) {
    public static UserView of(User user) {
        return new UserView(user.email(), user.fullName(), user.admin(), user.active(), user.createdAt(),
                user.updatedAt());
    }
}
