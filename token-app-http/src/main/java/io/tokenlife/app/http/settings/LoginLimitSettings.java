package io.tokenlife.app.http.settings;

import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.Section;
import io.tokenlife.domain.settings.Setting;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Throttling of failed logins: an account is locked for one client address for {@code lockout} after
 * {@code maxFailedAttempts} failures from that address; one client address may fail {@code perAddressPerMinute}
 * times a minute.
 */
public record LoginLimitSettings(int maxFailedAttempts, Duration lockout, int perAddressPerMinute) {
    /** Declared here rather than in {@link HttpSettings}, so that neither class needs the other to initialise. */
    public static final Section LOGIN = new Section(60, "Login");

    public static final Setting<Integer> MAX_FAILED_LOGIN_ATTEMPTS = Setting.integer("MAX_FAILED_LOGIN_ATTEMPTS", 5, 1,
                    1000, LOGIN)
            .doc("Failed logins from one client address after which the account is locked for that address (never for "
                    + "the others: a stranger cannot lock anyone out)");
    public static final Setting<Integer> ACCOUNT_LOCKOUT_DURATION_MINUTES = Setting.integer(
                    "ACCOUNT_LOCKOUT_DURATION_MINUTES", 30, 1, 1440, LOGIN)
            .allowing("`1` to `1440` (minutes)")
            .doc("How long an account stays locked for the address that failed; a locked login is answered 429 without "
                    + "checking the password");
    public static final Setting<Integer> LOGIN_RATE_LIMIT_PER_MINUTE = Setting.integer("LOGIN_RATE_LIMIT_PER_MINUTE", 20,
                    1, 100_000, LOGIN)
            .doc("Failed logins allowed per client address and minute; the counters live in each process, so N "
                    + "replicas allow up to N times this");

    public static final List<Setting<?>> VARIABLES = List.of(MAX_FAILED_LOGIN_ATTEMPTS, ACCOUNT_LOCKOUT_DURATION_MINUTES,
            LOGIN_RATE_LIMIT_PER_MINUTE);

    public LoginLimitSettings {
        Objects.requireNonNull(lockout, "lockout");
        if (maxFailedAttempts < 1 || perAddressPerMinute < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("login limits must be positive");
        }
    }

    public static LoginLimitSettings from(ConfigSource source) {
        return new LoginLimitSettings(MAX_FAILED_LOGIN_ATTEMPTS.read(source),
                Duration.ofMinutes(ACCOUNT_LOCKOUT_DURATION_MINUTES.read(source)), LOGIN_RATE_LIMIT_PER_MINUTE.read(source));
    }
}
