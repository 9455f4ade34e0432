package io.tokenlife.domain.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The cut-off in force, or why none was recorded. */
public sealed interface RevokeAllTokensResult permits RevokeAllTokensResult.Revoked, Invalid {
    /** Every token of the subject (or everyone) issued at or before {@code cutoff} is revoked. */
    record Revoked(Optional<String> subject, Instant cutoff) implements RevokeAllTokensResult {
        public Revoked {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(cutoff, "cutoff");
        }
    }
}
