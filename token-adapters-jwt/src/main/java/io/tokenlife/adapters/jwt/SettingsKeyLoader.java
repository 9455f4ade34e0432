package io.tokenlife.adapters.jwt;

import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.settings.DeploymentEnvironment;
import io.tokenlife.domain.settings.JwtSettings;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The signing key the settings describe: the HMAC secret ({@code JWT_SECRET_KEY}, its UTF-8 bytes) or
 * the PEM pair ({@code JWT_PRIVATE_KEY_PATH}, {@code JWT_PUBLIC_KEY_PATH}). In {@code development} with
 * nothing configured, a random key for this process (the startup review warns about it).
 * Every failure is a {@link KeyLoadException} naming the variable and the path, never the key.
 */
final class SettingsKeyLoader {
    static final String SECRET = JwtSettings.SECRET_KEY.name();
    static final String PRIVATE = JwtSettings.PRIVATE_KEY_PATH.name();
    static final String PUBLIC = JwtSettings.PUBLIC_KEY_PATH.name();

    private SettingsKeyLoader() {
    }

    static SigningKey load(JwtSettings jwt, DeploymentEnvironment environment) {
        SigningAlgorithm algorithm = jwt.algorithm();
        if (algorithm.isSymmetric()) {
            if (jwt.secretKey().isEmpty()) {
                return generatedInDevelopment(algorithm, environment, SECRET + " is not set");
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
            return generatedInDevelopment(algorithm, environment, PRIVATE + " and " + PUBLIC + " are not set");
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
                                                     String what) {
        if (environment != DeploymentEnvironment.DEVELOPMENT) {
            throw new KeyLoadException(what + "; ENVIRONMENT=" + environment.wireName() + " with JWT_ALGORITHM="
                    + algorithm.joseName() + " needs " + (algorithm.isSymmetric() ? SECRET : PRIVATE + " and " + PUBLIC),
                    null);
        }
        return Keys.generate(algorithm);
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
