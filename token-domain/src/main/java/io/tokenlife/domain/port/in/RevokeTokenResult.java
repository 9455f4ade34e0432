package io.tokenlife.domain.port.in;

import java.time.Instant;

/** @param newlyRevoked false when the jti was revoked already: revoking twice is not an error */
public record RevokeTokenResult(String jti, boolean newlyRevoked, Instant revokedAt) {
}
