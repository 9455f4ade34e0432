package io.tokenlife.app.http.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A session token from a login (password, admin UI or SSO) or a refresh: {@code token_type} is always
 * {@code Bearer}; {@code refresh_token} and {@code refresh_expires_in} (seconds) come with every session
 * a login starts or a refresh continues.
 */
public record TokenResponse(String accessToken, String tokenType, Long expiresIn, String jti,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long refreshExpiresIn) {
    public TokenResponse(String accessToken, String tokenType, Long expiresIn, String jti) {
        this(accessToken, tokenType, expiresIn, jti, null, null);
    }

    @Override
    public String toString() {
        return "TokenResponse[jti=" + jti + "]";
    }
}
