package io.tokenlife.app.http;

import io.tokenlife.app.http.identity.LoginIT;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per account and per client address; a throttled attempt is answered 429
 * before the password is checked, and successful logins are never counted. One server per test: the
 * counters are per process.
 */
class LoginThrottleIT {
    static final String PASSWORD = "correct-password-1";

    private static Reply login(FixtureServer server, String email, String password) {
        return server.client.postJson("/auth/login", null, LoginIT.login(email, password));
    }

    private static long loginFailures(LogCapture capture) {
        return capture.text().lines().filter(l -> l.contains("security_event=login_failed")).count();
    }

    @Test
    void anAccountIsLockedAfterTheMaximumOfFailuresEvenForTheRightPasswordUntilTheLockoutEnds() {
        try (FixtureServer server = FixtureServer.start("MAX_FAILED_LOGIN_ATTEMPTS", "3",
                "ACCOUNT_LOCKOUT_DURATION_MINUTES", "30", "LOGIN_RATE_LIMIT_PER_MINUTE", "100");
             LogCapture capture = new LogCapture()) {
            server.addUser("alice@example.com", PASSWORD, false, true);
            server.addUser("bob@example.com", PASSWORD, false, true);
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, "alice@example.com", "guess-" + i).status()).isEqualTo(401);
            }

            Reply locked = login(server, "ALICE@example.com", PASSWORD);
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.code()).isEqualTo("rate_limited");
            assertThat(locked.header("Retry-After")).isEqualTo("1800");
            assertThat(loginFailures(capture)).as("the locked attempt never reached the password check").isEqualTo(3);
            assertThat(login(server, "bob@example.com", PASSWORD).status()).as("another account").isEqualTo(200);

            server.clock.advance(Duration.ofMinutes(29));
            assertThat(login(server, "alice@example.com", PASSWORD).header("Retry-After")).isEqualTo("60");
            server.clock.advance(Duration.ofMinutes(1));
            assertThat(login(server, "alice@example.com", PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void oneAddressMayFailOnlySoOftenAMinuteWhateverTheAccounts() {
        try (FixtureServer server = FixtureServer.start("LOGIN_RATE_LIMIT_PER_MINUTE", "4",
                "MAX_FAILED_LOGIN_ATTEMPTS", "100")) {
            server.addUser("alice@example.com", PASSWORD, false, true);
            for (int i = 0; i < 4; i++) {
                assertThat(login(server, "user" + i + "@example.com", PASSWORD).status()).isEqualTo(401);
            }

            Reply limited = login(server, "alice@example.com", PASSWORD);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(limited.header("Retry-After")).isEqualTo("60");
            Reply adminUi = server.client.postJson("/admin/login", null, LoginIT.login("alice@example.com", PASSWORD));
            assertThat(adminUi.status()).as("the admin login shares the limit").isEqualTo(429);

            server.clock.advance(Duration.ofSeconds(60));
            assertThat(login(server, "alice@example.com", PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void successfulLoginsAreNotCountedAndASuccessClearsTheAccountsFailures() {
        try (FixtureServer server = FixtureServer.start("MAX_FAILED_LOGIN_ATTEMPTS", "2",
                "LOGIN_RATE_LIMIT_PER_MINUTE", "5")) {
            server.addUser("alice@example.com", PASSWORD, false, true);
            for (int i = 0; i < 10; i++) {
                assertThat(login(server, "alice@example.com", PASSWORD).status()).isEqualTo(200);
            }
            assertThat(login(server, "alice@example.com", "guess-1").status()).isEqualTo(401);
            assertThat(login(server, "alice@example.com", PASSWORD).status()).isEqualTo(200);
            assertThat(login(server, "alice@example.com", "guess-2").status()).isEqualTo(401);
            assertThat(login(server, "alice@example.com", PASSWORD).status())
                    .as("one failure since the last success: not locked").isEqualTo(200);
            assertThat(login(server, "alice@example.com", "guess-3").status()).isEqualTo(401);
            assertThat(login(server, "alice@example.com", "guess-4").status()).isEqualTo(401);
            assertThat(login(server, "alice@example.com", PASSWORD).status()).as("two in a row lock").isEqualTo(429);
        }
    }
}
