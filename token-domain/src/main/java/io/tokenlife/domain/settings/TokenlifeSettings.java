package io.tokenlife.domain.settings;

import java.util.Map;
import java.util.Objects;

/** The whole configuration of a tokenlife process, parsed once from the environment plus {@code .env}. */
public record TokenlifeSettings(DeploymentEnvironment environment, JwtSettings jwt, ValidationSettings validation,
                                IssuanceSettings issuance, AdminSettings admin, DatabaseSettings database,
                                ServerSettings server) {
    public TokenlifeSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(server, "server");
    }

    /** Parses the variables of {@link ConfigVariable}; a bad value throws {@link InvalidSettingsException}. */
    public static TokenlifeSettings fromMap(Map<String, String> variables) {
        return new SettingsParser(variables).parse();
    }

    /** The bootstrap admin can log in: a password is configured and users are not required in the database. */
    public boolean bootstrapAdminEnabled() {
        return admin.platformAdminPassword().isPresent() && !validation.requireUserInDb();
    }
}
