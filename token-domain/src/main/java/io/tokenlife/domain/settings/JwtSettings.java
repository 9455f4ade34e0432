package io.tokenlife.domain.settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How our own tokens are signed and which iss/aud they carry. */
public record JwtSettings(SigningAlgorithm algorithm, Optional<Secret> secretKey, List<Secret> previousSecretKeys,
                          Optional<Path> privateKeyPath, Optional<Path> publicKeyPath, String issuer,
                          String audience) {
    public static final Setting<String> ALGORITHM = Setting.of("JWT_ALGORITHM",
                    Setting.Kind.exactly(Arrays.stream(SigningAlgorithm.values()).map(SigningAlgorithm::joseName).toList()),
                    "HS256", Section.JWT_SIGNING)
            .doc("Algorithm our tokens are signed with, and the only one accepted when verifying them (never `none`)");
    public static final Setting<Optional<Secret>> SECRET_KEY = Setting.secret("JWT_SECRET_KEY", Section.JWT_SIGNING)
            .allowing("any string; outside `development` at least 32, 48 or 64 bytes (HS256, HS384, HS512) and not a placeholder")
            .doc("HMAC secret for `HS*` (e.g. `openssl rand -base64 48`). Unset in `development`: a generated key, kept "
                    + "beside an H2 database file (`<database>.dev-signing-key.<alg>.jwk`, owner-only) so tokens survive a "
                    + "restart, else for this process only. Unset, short or a placeholder (`changeme`, `secret`, …) "
                    + "in `staging`/`production`: startup refused");
    public static final Setting<List<Secret>> PREVIOUS_SECRET_KEYS = Setting.of("JWT_PREVIOUS_SECRET_KEYS",
                    new Setting.Kind<>("string", "comma-separated secrets, each as long as `JWT_SECRET_KEY` must be",
                            Optional.empty(), Optional.empty(), List.of(), JwtSettings::secretList), null,
                    Section.JWT_SIGNING)
            .masked()
            .doc("`HS*` with `JWT_SECRET_KEY` only: earlier secrets that still verify tokens but never sign, so the "
                    + "static secret rotates without a database and without a rejected token: put the old secret "
                    + "here, a new one in `JWT_SECRET_KEY`, restart; drop it once its last token has expired "
                    + "(`API_TOKEN_MAX_EXPIRY_DAYS` at most)");
    public static final Setting<Optional<Path>> PRIVATE_KEY_PATH = Setting.path("JWT_PRIVATE_KEY_PATH", Section.JWT_SIGNING)
            .allowing("path to a PEM file")
            .doc("PEM private key for `RS*`, `PS*`, `ES*`, `EdDSA` (`tokenlife keys generate --alg ES256 --out keys/` "
                    + "makes a pair); a missing or unreadable file is a startup error naming the path");
    public static final Setting<Optional<Path>> PUBLIC_KEY_PATH = Setting.path("JWT_PUBLIC_KEY_PATH", Section.JWT_SIGNING)
            .allowing("path to a PEM file")
            .doc("PEM public key for `RS*`, `PS*`, `ES*`, `EdDSA`; a missing or unreadable file is a startup error "
                    + "naming the path");
    public static final Setting<String> ISSUER = Setting.text("JWT_ISSUER", "mcpgateway", Section.JWT_SIGNING)
            .doc("`iss` stamped in every token and checked on validation; use a distinct value per environment");
    public static final Setting<String> AUDIENCE = Setting.text("JWT_AUDIENCE", "mcpgateway-api", Section.JWT_SIGNING)
            .doc("`aud` stamped in every token and checked on validation; use a distinct value per environment");

    public static final List<Setting<?>> VARIABLES = List.of(ALGORITHM, SECRET_KEY, PREVIOUS_SECRET_KEYS, PRIVATE_KEY_PATH, PUBLIC_KEY_PATH,
            ISSUER, AUDIENCE);

    public JwtSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secretKey, "secretKey");
        previousSecretKeys = List.copyOf(previousSecretKeys);
        Objects.requireNonNull(privateKeyPath, "privateKeyPath");
        Objects.requireNonNull(publicKeyPath, "publicKeyPath");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
    }

    public static JwtSettings from(ConfigSource source) {
        return new JwtSettings(SigningAlgorithm.fromJoseName(ALGORITHM.read(source)).orElseThrow(),
                SECRET_KEY.read(source), PREVIOUS_SECRET_KEYS.read(source), PRIVATE_KEY_PATH.read(source), PUBLIC_KEY_PATH.read(source),
                ISSUER.read(source), AUDIENCE.read(source));
    }

    /** Comma-separated, each trimmed; empty items are skipped, so a trailing comma is harmless. */
    private static List<Secret> secretList(String variable, Optional<String> text) {
        return text.stream().flatMap(t -> Arrays.stream(t.split(",")))
                .map(String::trim).filter(item -> !item.isEmpty()).map(Secret::new).toList();
    }

    /**
     * A key is configured, so other processes with the same configuration sign and verify alike. Without
     * one, {@code development} signs with a key generated for this process only.
     */
    public boolean hasSharedKey() {
        return algorithm.isSymmetric() ? secretKey.isPresent() : privateKeyPath.isPresent() || publicKeyPath.isPresent();
    }
}
