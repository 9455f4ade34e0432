package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Throttling of failed logins: an account is locked for {@code lockout} after {@code maxFailedAttempts}
 * failures; one client address may fail {@code perAddressPerMinute} times a minute.
 */
public record LoginLimitSettings(int maxFailedAttempts, Duration lockout, int perAddressPerMinute) {
    public LoginLimitSettings {
        Objects.requireNonNull(lockout, "lockout");
        if (maxFailedAttempts < 1 || perAddressPerMinute < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("login limits must be positive");
        }
    }
}
