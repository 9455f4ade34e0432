package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Key generation and publication for the CLI ({@code tokenlife keys generate --alg A}, {@code keys jwks}).
 * Generated keys satisfy the same rules the server applies when it loads them.
 */
public final class KeyPairs {
    private KeyPairs() {
    }

    /** A freshly generated key, ready to be written where {@code JWT_*} variables point. */
    public sealed interface GeneratedKey permits PemKeyPair, HmacSecret {
        SigningAlgorithm algorithm();

        /** The {@code kid} tokens signed with this key will carry. */
        String kid();
    }

    /**
     * @param privateKeyPem PKCS#8 ({@code BEGIN PRIVATE KEY}), for {@code JWT_PRIVATE_KEY_PATH}
     * @param publicKeyPem X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}), for {@code JWT_PUBLIC_KEY_PATH}
     */
    public record PemKeyPair(SigningAlgorithm algorithm, String kid, String privateKeyPem, String publicKeyPem)
            implements GeneratedKey {
        public PemKeyPair {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        }

        @Override
        public String toString() {
            return "PemKeyPair[algorithm=" + algorithm + ", kid=" + kid + "]";
        }
    }

    /** @param secret standard base64 of random bytes, used as-is (its UTF-8 bytes) as {@code JWT_SECRET_KEY} */
    public record HmacSecret(SigningAlgorithm algorithm, String kid, String secret) implements GeneratedKey {
        public HmacSecret {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "HmacSecret[algorithm=" + algorithm + ", kid=" + kid + ", secret=***]";
        }
    }

    /** A new key for {@code algorithm}: a PEM pair, or for HS* a random secret as long as the hash output. */
    public static GeneratedKey generate(SigningAlgorithm algorithm) {
        if (algorithm.isSymmetric()) {
            String secret = Base64.getEncoder().encodeToString(Keys.randomSecret(algorithm));
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            return new HmacSecret(algorithm, Keys.fromSecret(algorithm, bytes).kid(), secret);
        }
        KeyPair pair = Keys.generateKeyPair(algorithm);
        String kid = Keys.fromKeyPair(algorithm, pair.getPrivate(), pair.getPublic()).kid();
        return new PemKeyPair(algorithm, kid, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()),
                Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /**
     * The public JWK set ({@code {"keys":[...]}}) for a PEM public key file, as the server publishes it.
     *
     * @throws JwtAdapters.KeyLoadException when the file is missing, unreadable or not a key for {@code algorithm}
     */
    public static String publicJwkSetJson(SigningAlgorithm algorithm, Path publicKeyPem) {
        if (algorithm.isSymmetric()) {
            return JwtAdapters.publicJwkSetJson(List.of()); // never publish a symmetric key
        }
        String pem;
        try {
            pem = Files.readString(publicKeyPem, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            throw new JwtAdapters.KeyLoadException(SettingsKeyLoader.PUBLIC + "=" + publicKeyPem
                    + ": the file cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
        try {
            PublicKey key = Pem.publicKey(pem, algorithm);
            JWK jwk = Keys.toPublicJwk(algorithm, key);
            RingKey ringKey = RingKey.of(Keys.thumbprintKid(jwk), algorithm, jwk);
            return JwtAdapters.publicJwkSetJson(List.of(ringKey));
        } catch (IllegalArgumentException e) {
            throw new JwtAdapters.KeyLoadException(SettingsKeyLoader.PUBLIC + "=" + publicKeyPem + ": "
                    + e.getMessage() + " for JWT_ALGORITHM=" + algorithm.joseName(), null);
        }
    }
}
