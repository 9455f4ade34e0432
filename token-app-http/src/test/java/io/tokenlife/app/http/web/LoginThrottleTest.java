package io.tokenlife.app.http.web;

import io.tokenlife.app.http.settings.LoginLimitSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0010: the lock is keyed on the account and the address, so nobody can lock someone else out. */
class LoginThrottleTest {
    private static final String ADMIN = "admin@example.com";
    private static final String STRANGER = "198.51.100.66";
    private static final String ADMINS_DESK = "203.0.113.10";

    private final LoginThrottle throttle = new LoginThrottle(new LoginLimitSettings(5, Duration.ofMinutes(30), 1000),
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aStrangersWrongPasswordsLockTheAccountForTheStrangerOnlyNeverForTheAdminElsewhere() {
        for (int i = 0; i < 50; i++) {
            throttle.failed(ADMIN, STRANGER);
        }

        assertThatThrownBy(() -> throttle.check(ADMIN, STRANGER)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(429);
        assertThatCode(() -> throttle.check(ADMIN, ADMINS_DESK)).as("the admin at another address logs in")
                .doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("Admin@Example.com", ADMINS_DESK)).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsOnlyThatAddresssFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(ADMIN, STRANGER);
            throttle.failed(ADMIN, ADMINS_DESK);
        }
        throttle.succeeded(ADMIN, ADMINS_DESK);
        throttle.failed(ADMIN, STRANGER);
        throttle.failed(ADMIN, ADMINS_DESK);

        assertThatThrownBy(() -> throttle.check(ADMIN, STRANGER)).isInstanceOf(ApiException.class);
        assertThatCode(() -> throttle.check(ADMIN, ADMINS_DESK)).doesNotThrowAnyException();
    }
}
