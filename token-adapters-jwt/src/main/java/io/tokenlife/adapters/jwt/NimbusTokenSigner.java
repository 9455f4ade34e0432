package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.port.out.TokenSigner;

import java.time.Instant;
import java.util.Date;

/**
 * Signs claims with the ring's current key: header {@code alg}, {@code typ: "JWT"}, {@code kid};
 * {@code aud} as a single string when there is one audience, else an array; times in whole seconds.
 */
final class NimbusTokenSigner implements TokenSigner {
    private final KeyRing ring;
    private final JWSAlgorithm algorithm;

    NimbusTokenSigner(KeyRing ring) {
        this.ring = ring;
        this.algorithm = JWSAlgorithm.parse(ring.algorithm().joseName());
    }

    @Override
    public String sign(TokenClaims claims) {
        SigningKey key = ring.current();
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.kid()).build();
        SignedJWT jwt = new SignedJWT(header, toClaimsSet(claims));
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        return jwt.serialize();
    }

    static JWTClaimsSet toClaimsSet(TokenClaims claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .issueTime(date(claims.issuedAt()))
                .notBeforeTime(date(claims.notBefore()))
                .expirationTime(date(claims.expiresAt()))
                .jwtID(claims.jti());
        if (claims.audience().size() == 1) {
            b.audience(claims.audience().get(0));
        } else if (!claims.audience().isEmpty()) {
            b.audience(claims.audience());
        }
        if (claims.tokenUse() != null) {
            b.claim("token_use", claims.tokenUse().wireName());
        }
        if (claims.scope() != null) {
            b.claim("scope", claims.scope());
        }
        if (claims.environment() != null) {
            b.claim("env", claims.environment());
        }
        claims.extra().forEach(b::claim);
        return b.build();
    }

    /** {@code Date} stays inside this adapter; JWT times are whole seconds. */
    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(Instant.ofEpochSecond(instant.getEpochSecond()));
    }
}
