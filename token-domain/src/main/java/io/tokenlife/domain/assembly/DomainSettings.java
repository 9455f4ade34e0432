package io.tokenlife.domain.assembly;

import io.tokenlife.domain.policy.KeySchedule;
import io.tokenlife.domain.settings.AdminSettings;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.KeySettings;
import io.tokenlife.domain.settings.BootstrapAdmin;
import io.tokenlife.domain.settings.IssuanceSettings;
import io.tokenlife.domain.settings.PlatformIdentity;
import io.tokenlife.domain.settings.RevocationSettings;
import io.tokenlife.domain.settings.SessionSettings;
import io.tokenlife.domain.settings.TokenlifeSettings;
import io.tokenlife.domain.settings.ValidationSettings;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of the configuration the use cases read, cut into the slices each service is handed: never
 * the database URL, the keys or the HTTP settings. Mapped once from the parsed configuration.
 */
public record DomainSettings(PlatformIdentity identity, IssuanceSettings issuance, ValidationSettings validation,
                             AdminSettings admin, KeySettings keys, SessionSettings sessions) {
    /** With the default key and session settings (static keys). */
    public DomainSettings(PlatformIdentity identity, IssuanceSettings issuance, ValidationSettings validation,
                          AdminSettings admin) {
        this(identity, issuance, validation, admin, KeySettings.from(new ConfigSource(java.util.Map.of())));
    }

    /** With the default session settings. */
    public DomainSettings(PlatformIdentity identity, IssuanceSettings issuance, ValidationSettings validation,
                          AdminSettings admin, KeySettings keys) {
        this(identity, issuance, validation, admin, keys, SessionSettings.from(new ConfigSource(java.util.Map.of())));
    }

    public DomainSettings {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(sessions, "sessions");
    }

    public static DomainSettings from(TokenlifeSettings s) {
        return new DomainSettings(new PlatformIdentity(s.jwt().issuer(), s.jwt().audience(), s.environment()),
                s.issuance(), s.validation(), s.admin(), s.keys(), s.sessions());
    }

    /** The bootstrap admin; REQUIRE_USER_IN_DB disables the bootstrap. */
    public BootstrapAdmin bootstrapAdmin() {
        return new BootstrapAdmin(admin.platformAdminEmail(),
                validation.requireUserInDb() ? Optional.empty() : admin.platformAdminPassword());
    }

    /** When managed keys change: the configured periods, and the validation leeway for the last tokens. */
    public KeySchedule keySchedule() {
        return new KeySchedule(keys.rotationPeriod(), keys.publishAhead(), validation.leeway());
    }

    /** No token we accept lives longer than the API maximum; without required expiry, any may live forever. */
    public RevocationSettings revocation() {
        return new RevocationSettings(validation.leeway(), validation.requireExpiration()
                ? Optional.of(issuance.apiTokenMaxLifetime()) : Optional.empty());
    }

    /** Without a database no user is known, so REQUIRE_USER_IN_DB cannot be applied (the CLI's offline mode). */
    public DomainSettings withoutUserChecks() {
        return new DomainSettings(identity, issuance, validation.withRequireUserInDb(false), admin, keys, sessions);
    }
}
