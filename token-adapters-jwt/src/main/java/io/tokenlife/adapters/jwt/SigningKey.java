package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.util.Objects;

/**
 * The key that signs new tokens, with the verification half published under the same {@code kid};
 * {@code privateJwk} is the whole key (private part, or the secret), for storing it, never for display.
 */
record SigningKey(RingKey verification, JWSSigner signer, JWK privateJwk) {
    SigningKey {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(privateJwk, "privateJwk");
    }

    String kid() {
        return verification.kid();
    }

    SigningAlgorithm algorithm() {
        return verification.algorithm();
    }

    /** @param jwk a private (or symmetric) key; checked by {@link KeyRules} */
    static SigningKey of(String kid, SigningAlgorithm algorithm, JWK jwk) {
        if (!jwk.isPrivate() && !algorithm.isSymmetric()) {
            throw new IllegalArgumentException("a signing key needs its private part");
        }
        RingKey verification = RingKey.of(kid, algorithm, jwk);
        try {
            return new SigningKey(verification, signerFor(algorithm, jwk), jwk);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot sign " + algorithm.joseName() + ": " + e.getMessage(), e);
        }
    }

    private static JWSSigner signerFor(SigningAlgorithm algorithm, JWK jwk) throws JOSEException {
        switch (algorithm.family()) {
            case HMAC: return new MACSigner((OctetSequenceKey) jwk);
            case RSA: return new RSASSASigner((RSAKey) jwk);
            case EC: return new ECDSASigner((ECKey) jwk);
            case OKP: return new Ed25519Signer((OctetKeyPair) jwk);
            default: throw new IllegalStateException("unknown family " + algorithm.family());
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid() + ", alg=" + algorithm().joseName() + "]";
    }
}
