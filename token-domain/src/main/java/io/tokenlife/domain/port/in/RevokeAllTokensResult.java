package io.tokenlife.domain.port.in;

import java.time.Instant;
import java.util.Optional;

/** The cut-off in force: every token of the subject (or everyone) issued at or before it is revoked. */
public record RevokeAllTokensResult(Optional<String> subject, Instant cutoff) {
}
