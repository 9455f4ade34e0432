package io.tokenlife.app.http.dto;

/** A session token from a login (password, admin UI or SSO): {@code token_type} is always {@code Bearer}. */
public record TokenResponse(String accessToken, String tokenType, Long expiresIn, String jti) {
}
