package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * Revoke one token by jti.
 *
 * @param tokenSubject present when the actor presents the token itself (RFC 7009, logout): whether it is
 *        the actor's own is then decided by the token's subject ({@code ""} when it has none) rather than
 *        by the registry
 */
public record RevokeTokenCommand(Actor actor, String jti, Optional<String> reason, Optional<String> tokenSubject) {
    public RevokeTokenCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(tokenSubject, "tokenSubject");
    }

    /** A token named by its jti, e.g. {@code DELETE /tokens/{jti}} or {@code tokenlife token revoke}. */
    public static RevokeTokenCommand byJti(Actor actor, String jti, Optional<String> reason) {
        return new RevokeTokenCommand(actor, jti, reason, Optional.empty());
    }

    /** A token the actor holds and presents; {@code subject} is its {@code sub} claim, may be null. */
    public static RevokeTokenCommand presented(Actor actor, String jti, String subject, String reason) {
        return new RevokeTokenCommand(actor, jti, Optional.of(reason), Optional.of(subject == null ? "" : subject));
    }
}
