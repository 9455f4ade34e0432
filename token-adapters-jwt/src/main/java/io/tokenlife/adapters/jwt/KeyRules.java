package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.math.BigInteger;
import java.util.Set;

/**
 * Whether a key may be used with an algorithm. Every key that enters a {@link KeyRing} passes here,
 * whatever its source (PEM file, secret, JWK): the algorithm is bound to the key, so a key can never be
 * used with another algorithm than the configured one. Failures are {@link IllegalArgumentException}s
 * whose message is a sentence without key material.
 */
final class KeyRules {
    static final int MIN_RSA_BITS = 2048;

    private KeyRules() {
    }

    static void check(SigningAlgorithm algorithm, JWK jwk) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException("the key's use is '" + jwk.getKeyUse().identifier() + "', not 'sig'");
        }
        Set<KeyOperation> ops = jwk.getKeyOperations();
        if (ops != null && !ops.contains(KeyOperation.VERIFY) && !ops.contains(KeyOperation.SIGN)) {
            throw new IllegalArgumentException("the key's key_ops " + ops + " allow neither sign nor verify");
        }
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(algorithm.joseName())) {
            throw new IllegalArgumentException("the key is for " + jwk.getAlgorithm().getName() + ", not " + algorithm.joseName());
        }
        switch (algorithm.family()) {
            case HMAC:
                if (!(jwk instanceof OctetSequenceKey)) {
                    throw wrongType(algorithm, jwk);
                }
                checkSecretLength(algorithm, ((OctetSequenceKey) jwk).toByteArray().length);
                break;
            case RSA:
                if (!(jwk instanceof RSAKey)) {
                    throw wrongType(algorithm, jwk);
                }
                checkRsa((RSAKey) jwk);
                break;
            case EC:
                if (!(jwk instanceof ECKey)) {
                    throw wrongType(algorithm, jwk);
                }
                Curve expected = curveFor(algorithm);
                if (!expected.equals(((ECKey) jwk).getCurve())) {
                    throw new IllegalArgumentException(algorithm.joseName() + " needs a " + expected.getName()
                            + " key, not " + ((ECKey) jwk).getCurve().getName());
                }
                break;
            case OKP:
                if (!(jwk instanceof OctetKeyPair) || !Curve.Ed25519.equals(((OctetKeyPair) jwk).getCurve())) {
                    throw new IllegalArgumentException("EdDSA needs an Ed25519 key");
                }
                break;
            default:
                throw new IllegalStateException("unknown family " + algorithm.family());
        }
    }

    /** RFC 7518 §3.2: a key at least as long as the hash output; never shorter than 32 bytes. */
    static int minSecretBytes(SigningAlgorithm algorithm) {
        return Limits.minHmacSecretBytes(algorithm);
    }

    static void checkSecretLength(SigningAlgorithm algorithm, int bytes) {
        if (bytes < minSecretBytes(algorithm)) {
            throw new IllegalArgumentException("the secret is " + bytes + " bytes; " + algorithm.joseName()
                    + " needs at least " + minSecretBytes(algorithm) + " bytes (RFC 7518 section 3.2)");
        }
    }

    static Curve curveFor(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case ES256: return Curve.P_256;
            case ES384: return Curve.P_384;
            case ES512: return Curve.P_521;
            case EdDSA: return Curve.Ed25519;
            default: throw new IllegalArgumentException(algorithm + " has no curve");
        }
    }

    private static void checkRsa(RSAKey key) {
        BigInteger n = key.getModulus().decodeToBigInteger();
        BigInteger e = key.getPublicExponent().decodeToBigInteger();
        if (n.bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("the RSA key has " + n.bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new IllegalArgumentException("the RSA public exponent is not an odd number of at least 3");
        }
        if (RocaFingerprint.matches(n)) {
            throw new IllegalArgumentException("the RSA key has the ROCA fingerprint (CVE-2017-15361) and must be replaced");
        }
    }

    private static IllegalArgumentException wrongType(SigningAlgorithm algorithm, JWK jwk) {
        return new IllegalArgumentException(algorithm.joseName() + " needs a " + algorithm.family()
                + " key, not a " + jwk.getKeyType().getValue() + " key");
    }

    /**
     * The ROCA test (Nemec et al., CCS 2017): moduli made by the vulnerable Infineon library are, modulo each
     * small prime p below, inside the subgroup generated by 65537. Random moduli pass this for all primes
     * with negligible probability.
     */
    static final class RocaFingerprint {
        private static final int[] PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
                73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
        private static final boolean[][] SUBGROUPS = new boolean[PRIMES.length][];

        static {
            for (int i = 0; i < PRIMES.length; i++) {
                int p = PRIMES[i];
                boolean[] member = new boolean[p];
                int g = 65537 % p;
                int x = 1;
                do {
                    member[x] = true;
                    x = (x * g) % p;
                } while (x != 1);
                SUBGROUPS[i] = member;
            }
        }

        private RocaFingerprint() {
        }

        static boolean matches(BigInteger modulus) {
            for (int i = 0; i < PRIMES.length; i++) {
                int r = modulus.mod(BigInteger.valueOf(PRIMES[i])).intValue();
                if (!SUBGROUPS[i][r]) {
                    return false;
                }
            }
            return true;
        }
    }
}
