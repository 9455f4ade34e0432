package io.tokenlife.domain.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What became of a revocation request. */
public sealed interface RevokeTokenResult permits RevokeTokenResult.Revoked, RevokeTokenResult.NotVisible, Invalid {
    /**
     * @param newlyRevoked false when the jti was revoked already: revoking twice is not an error
     * @param subject the token's subject when the registry knows the jti; empty for a token minted elsewhere
     */
    record Revoked(String jti, boolean newlyRevoked, Instant revokedAt, Optional<String> subject)
            implements RevokeTokenResult {
        public Revoked {
            Objects.requireNonNull(jti, "jti");
            Objects.requireNonNull(revokedAt, "revokedAt");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** Not the actor's token, or one the registry does not know and the actor is no admin: nothing changed. */
    record NotVisible(String jti) implements RevokeTokenResult {
    }
}
