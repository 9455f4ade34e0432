package io.tokenlife.domain.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration the domain and its adapters use, parsed once from the environment plus {@code .env}.
 * Settings only the HTTP service reads (host, port, cookies, login limits, logs) are declared and parsed
 * in that module.
 */
public record TokenlifeSettings(DeploymentEnvironment environment, JwtSettings jwt, KeySettings keys,
                                ValidationSettings validation, IssuanceSettings issuance, AdminSettings admin,
                                DatabaseSettings database, SessionSettings sessions) {
    public static final Setting<DeploymentEnvironment> ENVIRONMENT = Setting.choice("ENVIRONMENT",
                    DeploymentEnvironment.class, DeploymentEnvironment.DEVELOPMENT, Section.ENVIRONMENT)
            .doc("Where this process runs. Outside `development`, missing or weak keys and passwords are refused at "
                    + "startup, and the startup review warns about settings that are unsafe there");

    /** Every variable the domain settings read, in declaration order. */
    public static final List<Setting<?>> VARIABLES = Stream.of(List.<Setting<?>>of(ENVIRONMENT), JwtSettings.VARIABLES,
                    KeySettings.VARIABLES, ValidationSettings.VARIABLES, IssuanceSettings.VARIABLES, AdminSettings.VARIABLES,
                    DatabaseSettings.VARIABLES, SessionSettings.VARIABLES)
            .flatMap(List::stream).toList();

    public TokenlifeSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** Parses {@link #VARIABLES}; a bad value throws {@link InvalidSettingsException} naming the variable. */
    public static TokenlifeSettings from(ConfigSource source) {
        return new TokenlifeSettings(ENVIRONMENT.read(source), JwtSettings.from(source), KeySettings.from(source),
                ValidationSettings.from(source),
                IssuanceSettings.from(source), AdminSettings.from(source), DatabaseSettings.from(source),
                SessionSettings.from(source));
    }

    /** {@link #from(ConfigSource)} over a plain map of variables. */
    public static TokenlifeSettings fromMap(Map<String, String> variables) {
        return from(new ConfigSource(variables));
    }

    /**
     * Where {@code development} keeps the key it generates when none is configured, so tokens survive a
     * restart: beside the H2 database file, one file per algorithm. Nothing for an in-memory database or
     * PostgreSQL (a key for this process only), and never outside {@code development} or with managed keys.
     */
    public Optional<Path> developmentKeyFile() {
        if (environment != DeploymentEnvironment.DEVELOPMENT || jwt.hasSharedKey() || keys.isManaged()) {
            return Optional.empty();
        }
        return database.h2File().map(db -> db.resolveSibling(db.getFileName() + ".dev-signing-key."
                + jwt.algorithm().joseName() + ".jwk"));
    }

    /** The bootstrap admin can log in: a password is configured and users are not required in the database. */
    public boolean bootstrapAdminEnabled() {
        return admin.platformAdminPassword().isPresent() && !validation.requireUserInDb();
    }
}
