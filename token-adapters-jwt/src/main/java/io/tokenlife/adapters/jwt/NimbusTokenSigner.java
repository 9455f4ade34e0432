package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.port.out.TokenSigner;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs claims with the ring's current key: header {@code alg}, {@code typ: "JWT"}, {@code kid};
 * {@code aud} as a single string when there is one audience, else an array; times in whole seconds, but
 * the {@code iat} of a token issued right after a cut-off in the same second, which is to the millisecond.
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
        JWSObject jws = hasSubSecondIssuedAt(claims)
                ? new JWSObject(header, new Payload(withPreciseIssuedAt(claims)))
                : new SignedJWT(header, toClaimsSet(claims));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        return new Signed(jws.serialize(), key.kid());
    }

    /** Only a token issued right after a revoke-all in the same second has one (see {@code IssuanceStamp}). */
    private static boolean hasSubSecondIssuedAt(TokenClaims claims) {
        return claims.issuedAt() != null && claims.issuedAt().getNano() != 0;
    }

    /** The claims with {@code iat} as a decimal number of seconds, to the millisecond (nimbus' own dates are whole seconds). */
    private static Map<String, Object> withPreciseIssuedAt(TokenClaims claims) {
        Map<String, Object> json = new LinkedHashMap<>(ClaimsJson.of(claims));
        json.put("iat", BigDecimal.valueOf(claims.issuedAt().toEpochMilli(), 3));
        return json;
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
