package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as handed to the client once: the opaque value (never stored, only its hash), its id,
 * its family, and until when it can be exchanged (the earliest of its own lifetime, the idle timeout and
 * the family's absolute lifetime).
 */
public record IssuedRefreshToken(String value, String id, String familyId, Instant usableUntil) {
    public IssuedRefreshToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(usableUntil, "usableUntil");
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[id=" + id + ", family=" + familyId + "]";
    }
}
