package io.tokenlife.domain.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The platform administrator known from configuration (the bootstrap). */
public record AdminSettings(String platformAdminEmail, Optional<Secret> platformAdminPassword) {
    public static final Setting<String> PLATFORM_ADMIN_EMAIL = Setting.of("PLATFORM_ADMIN_EMAIL", Setting.Kind.EMAIL,
                    "admin@example.com", Section.IDENTITY)
            .doc("The bootstrap administrator");
    public static final Setting<Optional<Secret>> PLATFORM_ADMIN_PASSWORD = Setting.secret("PLATFORM_ADMIN_PASSWORD",
                    Section.IDENTITY)
            .allowing("any string; outside `development` at least 12 characters and not a placeholder")
            .doc("Password of the bootstrap administrator; bootstrap login is off while unset. Retire it once a real "
                    + "admin user exists (unset it and set `REQUIRE_USER_IN_DB=true`)");

    public static final List<Setting<?>> VARIABLES = List.of(PLATFORM_ADMIN_EMAIL, PLATFORM_ADMIN_PASSWORD);

    public AdminSettings {
        Objects.requireNonNull(platformAdminEmail, "platformAdminEmail");
        Objects.requireNonNull(platformAdminPassword, "platformAdminPassword");
    }

    public static AdminSettings from(ConfigSource source) {
        return new AdminSettings(PLATFORM_ADMIN_EMAIL.read(source), PLATFORM_ADMIN_PASSWORD.read(source));
    }
}
