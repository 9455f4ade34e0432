package io.tokenlife.adapters.jwt;

import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.settings.DeploymentEnvironment;
import io.tokenlife.domain.settings.JwtSettings;
import io.tokenlife.domain.settings.Secret;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing key the settings describe: the HMAC secret ({@code JWT_SECRET_KEY}, its UTF-8 bytes) or
 * the PEM pair ({@code JWT_PRIVATE_KEY_PATH}, {@code JWT_PUBLIC_KEY_PATH}), with the verify-only
 * {@code JWT_PREVIOUS_SECRET_KEYS} beside an HMAC secret. In {@code development} with nothing configured, a
 * generated key, kept in the {@linkplain DevelopmentKeyFile development key file} when the database is an
 * H2 file (the startup review warns about both). Every failure is a {@link KeyLoadException} naming the
 * variable and the path, never the key.
 */
final class SettingsKeyLoader {
    static final String SECRET = JwtSettings.SECRET_KEY.name();
    static final String PRIVATE = JwtSettings.PRIVATE_KEY_PATH.name();
    static final String PUBLIC = JwtSettings.PUBLIC_KEY_PATH.name();
    static final String PREVIOUS = JwtSettings.PREVIOUS_SECRET_KEYS.name();

    private SettingsKeyLoader() {
    }

    /** The ring of {@code settings}: the signing key first, then the previous secrets (verify only). */
    static KeyRing ring(TokenlifeSettings settings) {
        JwtSettings jwt = settings.jwt();
        SigningKey current = load(jwt, settings.environment(), settings.developmentKeyFile());
        List<RingKey> keys = new ArrayList<>();
        keys.add(current.verification());
        keys.addAll(previous(jwt, current));
        return KeyRing.of(current, keys);
    }

    /**
     * {@code JWT_PREVIOUS_SECRET_KEYS}: each must pass the same rules as {@code JWT_SECRET_KEY}; an item is
     * named by its position, never its value. A repeat of the signing secret is skipped, not refused.
     */
    static List<RingKey> previous(JwtSettings jwt, SigningKey current) {
        if (jwt.previousSecretKeys().isEmpty()) {
            return List.of();
        }
        if (!jwt.algorithm().isSymmetric() || jwt.secretKey().isEmpty()) {
            throw new KeyLoadException(PREVIOUS + " is set, but it holds earlier HMAC secrets and only applies with "
                    + SECRET + " and JWT_ALGORITHM=HS256, HS384 or HS512 (now JWT_ALGORITHM="
                    + jwt.algorithm().joseName() + (jwt.secretKey().isEmpty() ? ", " + SECRET + " unset" : "")
                    + "); unset it", null);
        }
        Map<String, RingKey> byKid = new LinkedHashMap<>();
        List<Secret> secrets = jwt.previousSecretKeys();
        for (int i = 0; i < secrets.size(); i++) {
            SigningKey key;
            try {
                key = Keys.fromSecret(jwt.algorithm(), secrets.get(i).utf8());
            } catch (IllegalArgumentException e) {
                throw new KeyLoadException(PREVIOUS + ": secret " + (i + 1) + " of " + secrets.size()
                        + " cannot be used with JWT_ALGORITHM=" + jwt.algorithm().joseName() + ": " + e.getMessage(), null);
            }
            if (!key.kid().equals(current.kid())) {
                byKid.putIfAbsent(key.kid(), key.verification());
            }
        }
        return List.copyOf(byKid.values());
    }

    static SigningKey load(JwtSettings jwt, DeploymentEnvironment environment, Optional<Path> developmentKeyFile) {
        SigningAlgorithm algorithm = jwt.algorithm();
        if (algorithm.isSymmetric()) {
            if (jwt.secretKey().isEmpty()) {
                return generatedInDevelopment(algorithm, environment, SECRET + " is not set", developmentKeyFile);
            }
            try {
                return Keys.fromSecret(algorithm, jwt.secretKey().get().utf8());
            } catch (IllegalArgumentException e) {
                throw new KeyLoadException(SECRET + " cannot be used with JWT_ALGORITHM=" + algorithm.joseName()
                        + ": " + e.getMessage(), null);
            }
        }
        Optional<Path> privatePath = jwt.privateKeyPath();
        Optional<Path> publicPath = jwt.publicKeyPath();
        if (privatePath.isEmpty() && publicPath.isEmpty()) {
            return generatedInDevelopment(algorithm, environment, PRIVATE + " and " + PUBLIC + " are not set",
                    developmentKeyFile);
        }
        if (privatePath.isEmpty()) {
            throw new KeyLoadException(PRIVATE + " is not set; JWT_ALGORITHM=" + algorithm.joseName()
                    + " needs both " + PRIVATE + " and " + PUBLIC, null);
        }
        if (publicPath.isEmpty()) {
            throw new KeyLoadException(PUBLIC + " is not set; JWT_ALGORITHM=" + algorithm.joseName()
                    + " needs both " + PRIVATE + " and " + PUBLIC, null);
        }
        PrivateKey privateKey = read(PRIVATE, privatePath.get(), algorithm, true);
        PublicKey publicKey = read(PUBLIC, publicPath.get(), algorithm, false);
        try {
            return Keys.fromKeyPair(algorithm, privateKey, publicKey);
        } catch (IllegalArgumentException e) {
            throw new KeyLoadException("the keys in " + PRIVATE + "=" + privatePath.get() + " and " + PUBLIC + "="
                    + publicPath.get() + " cannot be used with JWT_ALGORITHM=" + algorithm.joseName() + ": "
                    + e.getMessage(), null);
        }
    }

    private static SigningKey generatedInDevelopment(SigningAlgorithm algorithm, DeploymentEnvironment environment,
                                                     String what, Optional<Path> developmentKeyFile) {
        if (environment != DeploymentEnvironment.DEVELOPMENT) {
            throw new KeyLoadException(what + "; ENVIRONMENT=" + environment.wireName() + " with JWT_ALGORITHM="
                    + algorithm.joseName() + " needs " + (algorithm.isSymmetric() ? SECRET : PRIVATE + " and " + PUBLIC),
                    null);
        }
        return developmentKeyFile.map(file -> DevelopmentKeyFile.loadOrCreate(file, algorithm))
                .orElseGet(() -> Keys.generate(algorithm));
    }

    private static <K> K read(String variable, Path path, SigningAlgorithm algorithm, boolean isPrivate) {
        String pem;
        try {
            pem = Files.readString(path, StandardCharsets.ISO_8859_1); // any bytes; a binary file then fails as "no PEM key"
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KeyLoadException(variable + "=" + path + ": the file does not exist", null);
        } catch (IOException | SecurityException e) {
            throw new KeyLoadException(variable + "=" + path + ": the file cannot be read (" + e.getClass().getSimpleName()
                    + ")", null);
        }
        try {
            @SuppressWarnings("unchecked")
            K key = (K) (isPrivate ? Pem.privateKey(pem, algorithm) : Pem.publicKey(pem, algorithm));
            return key;
        } catch (IllegalArgumentException e) {
            throw new KeyLoadException(variable + "=" + path + ": " + e.getMessage()
                    + " for JWT_ALGORITHM=" + algorithm.joseName(), null);
        }
    }
}
