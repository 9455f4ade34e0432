package io.tokenlife.domain.model;

import java.util.Objects;

/** A token whose shape, algorithm and signature have been checked; its claims are still to be judged. */
public record VerifiedToken(TokenHeader header, TokenClaims claims) {
    public VerifiedToken {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(claims, "claims");
    }
}
