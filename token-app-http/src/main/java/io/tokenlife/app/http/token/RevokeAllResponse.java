package io.tokenlife.app.http.token;

import java.time.Instant;

/** Every token of {@code subject} issued at or before {@code revokedBefore} is now revoked. */
public record RevokeAllResponse(String subject, Instant revokedBefore) {
}
