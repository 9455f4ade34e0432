package io.tokenlife.domain.revocation;

import io.tokenlife.domain.model.Subjects;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A revoke-all: every token of {@code subject} (or of everyone when the subject is empty) issued at or
 * before {@code cutoff} is revoked ({@link Cutoffs#covers}).
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

    /** The cut-off in the precision the rule compares at (milliseconds; see {@link Cutoffs}). */
    public long cutoffMillis() {
        return cutoff.toEpochMilli();
    }

    /** A token issued at or before the cut-off is revoked by it; a token without {@code iat} too (fail closed). */
    public boolean covers(Instant issuedAt) {
        return Cutoffs.covers(cutoffMillis(), issuedAt);
    }

    /** What the index learns from this cut-off once it is durable. */
    public RevocationChange change() {
        return subject.<RevocationChange>map(s -> new SubjectCutoffs.Cutoff(s, cutoffMillis()))
                .orElseGet(() -> new GlobalCutoff.Cutoff(cutoffMillis()));
    }
}
