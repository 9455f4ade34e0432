package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.tokenlife.domain.settings.SigningAlgorithm;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * JDK keys to JWKs, key ids, and fresh keys.
 *
 * <p><b>Key ids.</b> An asymmetric key's {@code kid} is the RFC 7638 JWK thumbprint (SHA-256, base64url) of
 * its public key: anyone holding the public key can recompute it, and every replica agrees on it.
 * An HMAC key's {@code kid} is {@code HMAC-SHA256(secret, "tokenlife/kid/v1")} truncated to 128 bits,
 * base64url. It is derived rather than random so every replica (and every restart) sharing
 * {@code JWT_SECRET_KEY} names the key the same way; it is a one-way keyed derivation, so it reveals
 * nothing about the secret beyond what any token's own MAC already allows (an offline guess check), and
 * it never lets anyone recompute the secret. A plain hash of the secret is avoided on purpose so the kid
 * cannot be matched against precomputed hashes of common secrets.
 */
final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HMAC_KID_LABEL = "tokenlife/kid/v1".getBytes(StandardCharsets.US_ASCII);

    private Keys() {
    }

    static String thumbprintKid(JWK jwk) {
        try {
            return jwk.toPublicJWK().computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the JWK thumbprint", e);
        }
    }

    static String hmacKid(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64URL.encode(Arrays.copyOf(mac.doFinal(HMAC_KID_LABEL), 16)).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The signing key for a secret (HS*); the secret is checked for length. */
    static SigningKey fromSecret(SigningAlgorithm algorithm, byte[] secret) {
        KeyRules.checkSecretLength(algorithm, secret.length);
        OctetSequenceKey jwk = new OctetSequenceKey.Builder(secret).build();
        return SigningKey.of(hmacKid(secret), algorithm, jwk);
    }

    /**
     * The signing key for a private/public pair; the pair must match (a probe signature made with the
     * private key must verify with the public key).
     */
    static SigningKey fromKeyPair(SigningAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        JWK jwk = toJwk(algorithm, privateKey, publicKey);
        SigningKey key = SigningKey.of(thumbprintKid(jwk), algorithm, jwk);
        probe(key);
        return key;
    }

    static JWK toJwk(SigningAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        switch (algorithm.family()) {
            case RSA:
                if (!(publicKey instanceof RSAPublicKey) || !(privateKey instanceof RSAPrivateKey)) {
                    throw new IllegalArgumentException(algorithm.joseName() + " needs an RSA key pair");
                }
                return new RSAKey.Builder((RSAPublicKey) publicKey).privateKey((RSAPrivateKey) privateKey).build();
            case EC:
                if (!(publicKey instanceof ECPublicKey) || !(privateKey instanceof ECPrivateKey)) {
                    throw new IllegalArgumentException(algorithm.joseName() + " needs an EC key pair");
                }
                return new ECKey.Builder(curveOf((ECPublicKey) publicKey), (ECPublicKey) publicKey)
                        .privateKey((ECPrivateKey) privateKey).build();
            case OKP:
                if (!(privateKey instanceof EdECPrivateKey)) {
                    throw new IllegalArgumentException("EdDSA needs an Ed25519 key pair");
                }
                byte[] d = ((EdECPrivateKey) privateKey).getBytes()
                        .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key has no raw bytes"));
                return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawEd25519(publicKey)))
                        .d(Base64URL.encode(d)).build();
            default:
                throw new IllegalArgumentException(algorithm.joseName() + " does not use a key pair");
        }
    }

    static JWK toPublicJwk(SigningAlgorithm algorithm, PublicKey publicKey) {
        switch (algorithm.family()) {
            case RSA:
                if (!(publicKey instanceof RSAPublicKey)) {
                    throw new IllegalArgumentException(algorithm.joseName() + " needs an RSA public key");
                }
                return new RSAKey.Builder((RSAPublicKey) publicKey).build();
            case EC:
                if (!(publicKey instanceof ECPublicKey)) {
                    throw new IllegalArgumentException(algorithm.joseName() + " needs an EC public key");
                }
                return new ECKey.Builder(curveOf((ECPublicKey) publicKey), (ECPublicKey) publicKey).build();
            case OKP:
                return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawEd25519(publicKey))).build();
            default:
                throw new IllegalArgumentException(algorithm.joseName() + " has no public key");
        }
    }

    static KeyPair generateKeyPair(SigningAlgorithm algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm.family()) {
                case RSA:
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(algorithm == SigningAlgorithm.RS256 || algorithm == SigningAlgorithm.PS256
                            ? 2048 : 3072, RANDOM);
                    break;
                case EC:
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(stdName(KeyRules.curveFor(algorithm))), RANDOM);
                    break;
                case OKP:
                    generator = KeyPairGenerator.getInstance("Ed25519");
                    break;
                default:
                    throw new IllegalArgumentException(algorithm.joseName() + " uses a secret, not a key pair");
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key for " + algorithm.joseName(), e);
        }
    }

    /** A random secret as long as the hash output (HS256: 32 bytes, HS384: 48, HS512: 64). */
    static byte[] randomSecret(SigningAlgorithm algorithm) {
        byte[] secret = new byte[KeyRules.minSecretBytes(algorithm)];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** A key for this process only (development without configured keys). */
    static SigningKey generate(SigningAlgorithm algorithm) {
        if (algorithm.isSymmetric()) {
            return fromSecret(algorithm, randomSecret(algorithm));
        }
        KeyPair pair = generateKeyPair(algorithm);
        return fromKeyPair(algorithm, pair.getPrivate(), pair.getPublic());
    }

    private static void probe(SigningKey key) {
        byte[] input = "tokenlife key pair probe".getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.parse(key.algorithm().joseName()));
        try {
            Base64URL signature = key.signer().sign(header, input);
            if (!key.verification().verifier().verify(header, input, signature)) {
                throw new IllegalArgumentException("the public key does not match the private key");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key pair cannot sign " + key.algorithm().joseName(), e);
        }
    }

    private static Curve curveOf(ECPublicKey key) {
        Curve curve = Curve.forECParameterSpec(key.getParams());
        if (curve == null) {
            throw new IllegalArgumentException("the EC key is on an unsupported curve");
        }
        return curve;
    }

    private static String stdName(Curve curve) {
        return curve.getStdName();
    }

    /** The raw 32 bytes of an Ed25519 public key: the tail of its fixed-length SubjectPublicKeyInfo. */
    private static byte[] rawEd25519(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()) || spki.length != 44) {
            throw new IllegalArgumentException("EdDSA needs an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, 12, 44);
    }
}
