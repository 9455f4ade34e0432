package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A revoke-all: every token of {@code subject} (or of everyone when the subject is empty) issued at or
 * before {@code cutoff} is revoked.
 */
public record RevocationCutoff(Optional<String> subject, Instant cutoff, String revokedBy, String reason) {
    public RevocationCutoff {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(cutoff, "cutoff");
        subject = subject.map(Subjects::normalize);
    }

    public static RevocationCutoff forSubject(String subject, Instant cutoff, String revokedBy, String reason) {
        return new RevocationCutoff(Optional.of(subject), cutoff, revokedBy, reason);
    }

    public static RevocationCutoff global(Instant cutoff, String revokedBy, String reason) {
        return new RevocationCutoff(Optional.empty(), cutoff, revokedBy, reason);
    }

    /** A token issued at or before the cut-off is revoked by it; a token without {@code iat} too (fail closed). */
    public boolean covers(Instant issuedAt) {
        return issuedAt == null || !issuedAt.isAfter(cutoff);
    }
}
