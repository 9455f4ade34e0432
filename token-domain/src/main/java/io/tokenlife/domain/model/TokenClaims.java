package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of a token, platform-issued or external. Nullable fields are absent claims;
 * {@code extra} holds every claim not named here, with JSON-compatible values.
 */
public record TokenClaims(
        String issuer,
        List<String> audience,
        String subject,
        Instant issuedAt,
        Instant notBefore,
        Instant expiresAt,
        String jti,
        TokenUse tokenUse,
        String scope,
        String environment,
        Map<String, Object> extra) {

    /** Claim names with a field of their own; never found in {@link #extra()}. */
    public static final List<String> REGISTERED =
            List.of("iss", "aud", "sub", "iat", "nbf", "exp", "jti", "token_use", "scope", "env");

    public TokenClaims {
        audience = audience == null ? List.of() : List.copyOf(audience);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        if (extra.keySet().stream().anyMatch(REGISTERED::contains)) {
            throw new IllegalArgumentException("extra claims may not contain registered claims " + REGISTERED);
        }
    }

    public boolean hasJti() {
        return jti != null && !jti.isBlank();
    }

    public TokenClaims withExtra(Map<String, Object> more) {
        return new TokenClaims(issuer, audience, subject, issuedAt, notBefore, expiresAt, jti, tokenUse,
                scope, environment, more);
    }

    /** A builder for tests and adapters; the issuance policy builds claims directly. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String issuer;
        private List<String> audience = List.of();
        private String subject;
        private Instant issuedAt;
        private Instant notBefore;
        private Instant expiresAt;
        private String jti;
        private TokenUse tokenUse;
        private String scope;
        private String environment;
        private Map<String, Object> extra = Map.of();

        public Builder issuer(String v) { issuer = v; return this; }
        public Builder audience(List<String> v) { audience = v; return this; }
        public Builder audience(String v) { audience = v == null ? List.of() : List.of(v); return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder issuedAt(Instant v) { issuedAt = v; return this; }
        public Builder notBefore(Instant v) { notBefore = v; return this; }
        public Builder expiresAt(Instant v) { expiresAt = v; return this; }
        public Builder jti(String v) { jti = v; return this; }
        public Builder tokenUse(TokenUse v) { tokenUse = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder extra(Map<String, Object> v) { extra = Objects.requireNonNullElse(v, Map.of()); return this; }

        public TokenClaims build() {
            return new TokenClaims(issuer, audience, subject, issuedAt, notBefore, expiresAt, jti, tokenUse,
                    scope, environment, extra);
        }
    }
}
