package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A user of the platform. The password hash never leaves the persistence and login paths. */
public record User(String email, String fullName, String passwordHash, boolean admin, boolean active,
                   Instant createdAt, Instant updatedAt) {
    public User {
        Objects.requireNonNull(email, "email");
        email = Subjects.normalize(email);
    }

    @Override
    public String toString() {
        return "User[email=" + email + ", admin=" + admin + ", active=" + active + "]";
    }
}
