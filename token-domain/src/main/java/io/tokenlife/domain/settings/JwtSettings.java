package io.tokenlife.domain.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How our own tokens are signed and which iss/aud they carry. */
public record JwtSettings(SigningAlgorithm algorithm, Optional<Secret> secretKey, Optional<Path> privateKeyPath,
                          Optional<Path> publicKeyPath, String issuer, String audience) {
    public JwtSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(privateKeyPath, "privateKeyPath");
        Objects.requireNonNull(publicKeyPath, "publicKeyPath");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
    }
}
