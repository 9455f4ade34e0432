package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.util.Objects;

/**
 * A verification key of the ring: its {@code kid}, the one algorithm it may verify, the key as a JWK
 * (public part only for asymmetric keys) and a ready verifier (built once, reused by every call).
 */
record RingKey(String kid, SigningAlgorithm algorithm, JWK jwk, JWSVerifier verifier) {
    RingKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(verifier, "verifier");
        if (!algorithm.isSymmetric() && jwk.isPrivate()) {
            throw new IllegalArgumentException("a ring key holds the public part only");
        }
    }

    /** Checks the key against {@link KeyRules} and builds its verifier; the verifier type follows the algorithm, never the token. */
    static RingKey of(String kid, SigningAlgorithm algorithm, JWK jwk) {
        KeyRules.check(algorithm, jwk);
        JWK verificationJwk = algorithm.isSymmetric() ? jwk : jwk.toPublicJWK();
        try {
            return new RingKey(kid, algorithm, verificationJwk, verifierFor(algorithm, verificationJwk));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot verify " + algorithm.joseName() + ": " + e.getMessage(), e);
        }
    }

    private static JWSVerifier verifierFor(SigningAlgorithm algorithm, JWK jwk) throws JOSEException {
        switch (algorithm.family()) {
            case HMAC: return new MACVerifier((OctetSequenceKey) jwk);
            case RSA: return new RSASSAVerifier((RSAKey) jwk);
            case EC: return new ECDSAVerifier((ECKey) jwk);
            case OKP: return new Ed25519Verifier((OctetKeyPair) jwk);
            default: throw new IllegalStateException("unknown family " + algorithm.family());
        }
    }

    /** Never shows key material. */
    @Override
    public String toString() {
        return "RingKey[kid=" + kid + ", alg=" + algorithm.joseName() + "]";
    }
}
