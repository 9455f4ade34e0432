package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.port.out.TokenSigner;

import java.text.ParseException;

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
        return signed(claims).compact();
    }

    /** One read of the ring's current key, so the kid returned is the one in the header. */
    @Override
    public Signed signed(TokenClaims claims) {
        SigningKey key = ring.current();
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.kid()).build();
        SignedJWT jwt = new SignedJWT(header, toClaimsSet(claims));
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        return new Signed(jwt.serialize(), key.kid());
    }

    /** The domain's one claims mapping ({@code aud}, whole seconds, ...), read by nimbus. */
    static JWTClaimsSet toClaimsSet(TokenClaims claims) {
        try {
            return JWTClaimsSet.parse(ClaimsJson.of(claims));
        } catch (ParseException e) {
            throw new IllegalStateException("the claims of jti " + claims.jti() + " cannot be signed", e);
        }
    }
}
