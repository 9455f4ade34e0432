package io.tokenlife.domain.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns the raw variables into settings records; each bad value names its variable and what it accepts. */
final class SettingsParser {
    private final Map<String, String> variables;

    SettingsParser(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    TokenlifeSettings parse() {
        DeploymentEnvironment environment = oneOf(ConfigVariable.ENVIRONMENT, DeploymentEnvironment.class);
        JwtSettings jwt = new JwtSettings(
                algorithm(),
                optional(ConfigVariable.JWT_SECRET_KEY).map(Secret::new),
                optional(ConfigVariable.JWT_PRIVATE_KEY_PATH).map(Path::of),
                optional(ConfigVariable.JWT_PUBLIC_KEY_PATH).map(Path::of),
                nonBlank(ConfigVariable.JWT_ISSUER),
                nonBlank(ConfigVariable.JWT_AUDIENCE));
        boolean requireExpiration = bool(ConfigVariable.REQUIRE_TOKEN_EXPIRATION);
        ValidationSettings validation = new ValidationSettings(
                bool(ConfigVariable.JWT_ISSUER_VERIFICATION),
                bool(ConfigVariable.JWT_AUDIENCE_VERIFICATION),
                Duration.ofSeconds(integer(ConfigVariable.JWT_LEEWAY_SECONDS, 0, 300)),
                requireExpiration,
                bool(ConfigVariable.REQUIRE_JTI),
                bool(ConfigVariable.VALIDATE_TOKEN_ENVIRONMENT),
                bool(ConfigVariable.REQUIRE_USER_IN_DB),
                integer(ConfigVariable.VERIFIED_TOKEN_CACHE_SIZE, 0, 10_000_000));
        IssuanceSettings issuance = new IssuanceSettings(
                Duration.ofMinutes(integer(ConfigVariable.TOKEN_EXPIRY, 1, 10_080)),
                Duration.ofDays(integer(ConfigVariable.API_TOKEN_MAX_EXPIRY_DAYS, 1, 3650)),
                requireExpiration,
                bool(ConfigVariable.EMBED_ENVIRONMENT_IN_TOKENS));
        AdminSettings admin = new AdminSettings(
                email(ConfigVariable.PLATFORM_ADMIN_EMAIL),
                optional(ConfigVariable.PLATFORM_ADMIN_PASSWORD).map(Secret::new));
        DatabaseSettings database = new DatabaseSettings(jdbcUrl());
        ServerSettings server = new ServerSettings(
                nonBlank(ConfigVariable.HOST),
                integer(ConfigVariable.PORT, 0, 65_535),
                oneOf(ConfigVariable.LOG_FORMAT, LogFormat.class),
                optional(ConfigVariable.SSO_PROVIDERS_FILE).map(Path::of),
                publicUrl(),
                bool(ConfigVariable.SECURE_COOKIES),
                new LoginLimitSettings(
                        integer(ConfigVariable.MAX_FAILED_LOGIN_ATTEMPTS, 1, 1000),
                        Duration.ofMinutes(integer(ConfigVariable.ACCOUNT_LOCKOUT_DURATION_MINUTES, 1, 1440)),
                        integer(ConfigVariable.LOGIN_RATE_LIMIT_PER_MINUTE, 1, 100_000)));
        return new TokenlifeSettings(environment, jwt, validation, issuance, admin, database, server);
    }

    /** The value, or the default; blank counts as unset. */
    private Optional<String> optional(ConfigVariable variable) {
        String raw = variables.get(variable.name());
        if (raw == null || raw.isBlank()) {
            return variable.defaultValue();
        }
        return Optional.of(raw.trim());
    }

    private String nonBlank(ConfigVariable variable) {
        return optional(variable).orElseThrow(() -> new InvalidSettingsException(variable.name(), "must not be empty"));
    }

    private boolean bool(ConfigVariable variable) {
        String value = nonBlank(variable).toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new InvalidSettingsException(variable.name(),
                        "'" + value + "' is not a boolean; allowed: true, false (also 1/0, yes/no, on/off)");
        }
    }

    private int integer(ConfigVariable variable, int min, int max) {
        String value = nonBlank(variable);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new InvalidSettingsException(variable.name(),
                        parsed + " is out of range; allowed: " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(variable.name(),
                    "'" + value + "' is not a whole number; allowed: " + min + " to " + max);
        }
    }

    private <E extends Enum<E>> E oneOf(ConfigVariable variable, Class<E> type) {
        String value = nonBlank(variable);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new InvalidSettingsException(variable.name(), "'" + value + "' is not allowed; allowed: " + allowed);
        }
    }

    private SigningAlgorithm algorithm() {
        String value = nonBlank(ConfigVariable.JWT_ALGORITHM);
        return SigningAlgorithm.fromJoseName(value).orElseThrow(() -> new InvalidSettingsException(
                ConfigVariable.JWT_ALGORITHM.name(), "'" + value + "' is not allowed; allowed: "
                + Arrays.stream(SigningAlgorithm.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private String email(ConfigVariable variable) {
        String value = nonBlank(variable);
        if (!value.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidSettingsException(variable.name(), "'" + value + "' is not an e-mail address");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private Optional<URI> publicUrl() {
        Optional<String> value = optional(ConfigVariable.PUBLIC_URL);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(value.get(), "not absolute");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException(ConfigVariable.PUBLIC_URL.name(), "'" + value.get()
                    + "' is not an absolute http(s) URL; allowed: e.g. https://tokens.example.com");
        }
    }

    private String jdbcUrl() {
        String value = nonBlank(ConfigVariable.DATABASE_URL);
        if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingsException(ConfigVariable.DATABASE_URL.name(),
                    "unsupported URL; allowed: jdbc:h2:file:..., jdbc:h2:mem:... or jdbc:postgresql://...");
        }
        return value;
    }
}
