package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.VerifiedToken;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.port.out.Verification;

/** Steps 1–3 of validation for our own tokens: {@link CompactJwsVerifier} with the JWT claims reader. */
final class NimbusTokenVerifier implements TokenVerifier {
    private final KeyRing ring;
    private final CompactJwsVerifier jws;

    NimbusTokenVerifier(KeyRing ring) {
        this(ring, CompactJwsVerifier.UnknownKeys.NONE);
    }

    NimbusTokenVerifier(KeyRing ring, CompactJwsVerifier.UnknownKeys unknownKeys) {
        this.ring = ring;
        this.jws = new CompactJwsVerifier(ring, unknownKeys);
    }

    KeyRing ring() {
        return ring;
    }

    @Override
    public Verification verify(String token) {
        try {
            CompactJwsVerifier.Jws<TokenClaims> verified = jws.verify(token, ClaimsReader.INSTANCE);
            return new Verification.Verified(new VerifiedToken(verified.header(), verified.payload()));
        } catch (Refusal refusal) {
            return new Verification.Refused(refusal.code(), refusal.getMessage());
        }
    }
}
