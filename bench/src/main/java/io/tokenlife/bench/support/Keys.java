package io.tokenlife.bench.support;

import io.tokenlife.adapters.jwt.KeyPairs;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A freshly generated key as configuration variables: JWT_SECRET_KEY, or PEM files written under {@code dir}. */
public final class Keys {
    private Keys() {
    }

    public static Map<String, String> variables(SigningAlgorithm algorithm, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ALGORITHM", algorithm.joseName());
        KeyPairs.GeneratedKey key = KeyPairs.generate(algorithm);
        if (key instanceof KeyPairs.HmacSecret secret) {
            env.put("JWT_SECRET_KEY", secret.secret());
            return env;
        }
        KeyPairs.PemKeyPair pair = (KeyPairs.PemKeyPair) key;
        try {
            String name = algorithm.joseName().toLowerCase();
            env.put("JWT_PRIVATE_KEY_PATH", Files.writeString(dir.resolve(name + "-private.pem"), pair.privateKeyPem()).toString());
            env.put("JWT_PUBLIC_KEY_PATH", Files.writeString(dir.resolve(name + "-public.pem"), pair.publicKeyPem()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /** Deletes a temporary directory and what is in it (best effort). */
    public static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
