package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Revoke every token of {@code subject} — or of everyone when empty — issued at or before {@code before}
 * (default: now).
 */
public record RevokeAllTokensCommand(Actor actor, Optional<String> subject, Optional<Instant> before,
                                     Optional<String> reason) {
    public RevokeAllTokensCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(reason, "reason");
    }

    public static RevokeAllTokensCommand ofSubject(Actor actor, String subject, Optional<String> reason) {
        return new RevokeAllTokensCommand(actor, Optional.of(subject), Optional.empty(), reason);
    }

    public static RevokeAllTokensCommand platformWide(Actor actor, Instant before, Optional<String> reason) {
        return new RevokeAllTokensCommand(actor, Optional.empty(), Optional.of(before), reason);
    }
}
