package io.tokenlife.domain.model;

import java.util.Objects;

/** A freshly signed token. The compact form is shown to the caller once and never stored. */
public record IssuedToken(String compact, TokenClaims claims, TokenRecord record) {
    public IssuedToken {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(record, "record");
    }

    public String jti() {
        return claims.jti();
    }

    @Override
    public String toString() {
        // never print the token itself
        return "IssuedToken[jti=" + claims.jti() + ", subject=" + claims.subject() + "]";
    }
}
