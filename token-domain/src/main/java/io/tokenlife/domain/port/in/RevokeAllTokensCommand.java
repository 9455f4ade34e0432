package io.tokenlife.domain.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Revoke every token of {@code subject} — or of everyone when empty — issued at or before {@code before}
 * (default: now).
 */
public record RevokeAllTokensCommand(Optional<String> subject, Optional<Instant> before, String revokedBy,
                                     Optional<String> reason) {
    public RevokeAllTokensCommand {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(reason, "reason");
    }

    public static RevokeAllTokensCommand ofSubject(String subject, String revokedBy, Optional<String> reason) {
        return new RevokeAllTokensCommand(Optional.of(subject), Optional.empty(), revokedBy, reason);
    }

    public static RevokeAllTokensCommand platformWide(Instant before, String revokedBy, Optional<String> reason) {
        return new RevokeAllTokensCommand(Optional.empty(), Optional.of(before), revokedBy, reason);
    }
}
