package io.tokenlife.app.http.token;

import java.time.Instant;

/** The answer to {@code POST /tokens}: the token, shown once, and its metadata. */
public record CreatedToken(String accessToken, String tokenType, Long expiresIn, String jti, String name, String scope,
                           Instant expiresAt, String source) {
}
