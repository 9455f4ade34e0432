package io.tokenlife.domain.service;

import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.settings.Secret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoginServiceTest {
    private static final String ADMIN_PASSWORD = "bootstrap-admin-password-42";
    private static final Instant T = Instant.parse("2025-12-01T00:00:00Z");

    private DomainFixture fixture = withUsers(DomainFixture.with());

    private static DomainFixture withUsers(DomainFixture f) {
        f.users.put(new User("alice@example.com", "Alice", "plain:alice-password", false, true, T, T));
        f.users.put(new User("carol@example.com", "Carol", "plain:carol-password", true, true, T, T));
        f.users.put(new User("dave@example.com", "Dave", "plain:dave-password", false, false, T, T));
        return f;
    }

    private LoginResult login(String email, String password) {
        return login(email, password, TokenSource.LOGIN);
    }

    private LoginResult login(String email, String password, TokenSource source) {
        return fixture.services.login().login(new LoginCommand(email, new Secret(password), source, "203.0.113.7"));
    }

    private static LoginResult.LoggedIn loggedIn(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        return (LoginResult.LoggedIn) result;
    }

    private static String refusal(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.Refused.class);
        return ((LoginResult.Refused) result).detail();
    }

    @Test
    void aUserWithTheRightPasswordGetsASessionToken() {
        LoginResult.LoggedIn result = loggedIn(login("Alice@Example.com", "alice-password"));

        assertThat(result.platformAdmin()).isFalse();
        assertThat(result.token().claims().subject()).isEqualTo("alice@example.com");
        assertThat(result.token().claims().tokenUse()).isEqualTo(TokenUse.SESSION);
        assertThat(result.token().claims().extra()).doesNotContainKey(Caller.ADMIN_CLAIM);
        assertThat(fixture.store.find(result.token().jti()).orElseThrow().source()).isEqualTo(TokenSource.LOGIN);
        assertThat(fixture.events.of(SecurityEventType.TOKEN_ISSUED)).hasSize(1);
        assertThat(fixture.services.validateToken().validate(result.token().compact()).isValid()).isTrue();
    }

    @Test
    void anAdminUserGetsTheAdminClaim() {
        LoginResult.LoggedIn result = loggedIn(login("carol@example.com", "carol-password", TokenSource.ADMIN_UI));

        assertThat(result.token().claims().extra()).containsEntry(Caller.ADMIN_CLAIM, true);
        assertThat(result.platformAdmin()).isFalse();
        assertThat(fixture.store.find(result.token().jti()).orElseThrow().source()).isEqualTo(TokenSource.ADMIN_UI);
        ValidationResult.Valid valid = (ValidationResult.Valid) fixture.services.validateToken()
                .validate(result.token().compact());
        assertThat(Caller.of(valid).admin()).isTrue();
        assertThat(Caller.of(valid).platformAdmin()).isFalse();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameRefusal() {
        String wrongPassword = refusal(login("alice@example.com", "not-her-password"));
        String unknownUser = refusal(login("nobody@example.com", "whatever-password"));

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(LoginService.REFUSAL);
        assertThat(fixture.events.of(SecurityEventType.TOKEN_ISSUED)).isEmpty();
    }

    @Test
    void aDisabledUserIsRefusedEvenWithTheRightPassword() {
        assertThat(refusal(login("dave@example.com", "dave-password"))).isEqualTo(LoginService.REFUSAL);
        assertThat(fixture.events.of(SecurityEventType.LOGIN_FAILED).get(0).fields())
                .containsEntry("reason", "user_disabled");
    }

    @Test
    void aFailedLoginIsReportedWithoutThePassword() {
        login("Alice@example.com", "guessed-password-123");
        login("nobody@example.com", "another-guess-456");

        List<SecurityEvent> events = fixture.events.of(SecurityEventType.LOGIN_FAILED);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).type().wireName()).isEqualTo("login_failed");
        assertThat(events.get(0).level()).isEqualTo(SecurityEvent.Level.WARN);
        assertThat(events.get(0).fields()).containsEntry("email", "alice@example.com")
                .containsEntry("reason", "wrong_password").containsEntry("source", "login")
                .containsEntry("client", "203.0.113.7");
        assertThat(events.get(1).fields()).as("an identifier that is no user is never written as typed")
                .doesNotContainKey("email").containsEntry("reason", "unknown_user");
        assertThat(events.get(1).fields().get("identifier")).matches("id:[0-9a-f]{12}");
        for (SecurityEvent event : events) {
            assertThat(event.fields().values()).noneMatch(v -> v != null
                    && (v.contains("guessed-password-123") || v.contains("another-guess-456")));
            assertThat(event.message()).doesNotContain("guessed-password-123").doesNotContain("another-guess-456");
        }
    }

    @Test
    void theDigestOfAnUnknownIdentifierIsTheSameForTheSameIdentifierAndNothingLikeIt() {
        login("Someone@Example.com ", "x");
        login("someone@example.com", "y");
        login("my-password-in-the-wrong-field", "z");

        List<SecurityEvent> events = fixture.events.of(SecurityEventType.LOGIN_FAILED);
        assertThat(events.get(0).fields().get("identifier")).isEqualTo(events.get(1).fields().get("identifier"));
        assertThat(events.get(2).fields().get("identifier")).isNotEqualTo(events.get(0).fields().get("identifier"))
                .doesNotContain("password");
    }

    @Test
    void everyLoginChecksExactlyOnePasswordHashTheBootstrapAdminAndUnknownUsersIncluded() {
        fixture = withUsers(DomainFixture.with("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));
        String[][] attempts = {
                {"admin@example.com", ADMIN_PASSWORD}, {"admin@example.com", "wrong"},
                {"alice@example.com", "alice-password"}, {"alice@example.com", "wrong"},
                {"nobody@example.com", "wrong"}, {"dave@example.com", "dave-password"}};
        for (String[] attempt : attempts) {
            int before = fixture.hasher.checks();
            login(attempt[0], attempt[1]);
            assertThat(fixture.hasher.checks() - before).as("hash checks for %s", attempt[0]).isEqualTo(1);
        }
    }

    @Test
    void theBootstrapAdminLogsInWithTheConfiguredPassword() {
        fixture = withUsers(DomainFixture.with("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));

        LoginResult.LoggedIn result = loggedIn(login("Admin@Example.com", ADMIN_PASSWORD, TokenSource.ADMIN_UI));

        assertThat(result.platformAdmin()).isTrue();
        assertThat(result.token().claims().subject()).isEqualTo("admin@example.com");
        assertThat(result.token().claims().extra()).containsEntry(Caller.ADMIN_CLAIM, true);
        assertThat(fixture.store.find(result.token().jti()).orElseThrow().source()).isEqualTo(TokenSource.ADMIN_UI);
        List<SecurityEvent> events = fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).fields()).containsEntry("user_id", "admin@example.com")
                .containsEntry("source", "admin_ui");
        assertThat(events.get(0).fields().values()).noneMatch(v -> v != null && v.contains(ADMIN_PASSWORD));

        ValidationResult.Valid valid = (ValidationResult.Valid) fixture.services.validateToken()
                .validate(result.token().compact());
        assertThat(valid.platformAdmin()).isTrue();
        assertThat(Caller.of(valid).admin()).isTrue();
    }

    @Test
    void theBootstrapAdminWithAWrongPasswordIsRefusedLikeAnyone() {
        fixture = withUsers(DomainFixture.with("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));

        assertThat(refusal(login("admin@example.com", "not-the-admin-password"))).isEqualTo(LoginService.REFUSAL);
        assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
        assertThat(fixture.events.of(SecurityEventType.LOGIN_FAILED).get(0).fields())
                .containsEntry("reason", "wrong_password");
    }

    @Test
    void theBootstrapIsOffWhileUsersMustBeInTheDatabase() {
        fixture = withUsers(DomainFixture.with("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD, "REQUIRE_USER_IN_DB", "true"));

        assertThat(refusal(login("admin@example.com", ADMIN_PASSWORD))).isEqualTo(LoginService.REFUSAL);
        assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
        assertThat(fixture.events.of(SecurityEventType.TOKEN_ISSUED)).isEmpty();
    }

    @Test
    void theBootstrapIsOffWithoutAConfiguredPassword() {
        assertThat(refusal(login("admin@example.com", ""))).isEqualTo(LoginService.REFUSAL);
        assertThat(refusal(login("admin@example.com", "anything"))).isEqualTo(LoginService.REFUSAL);
        assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
    }

    @Test
    void anAdminUserRowIsUsedInsteadOfTheBootstrap() {
        fixture = DomainFixture.with("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        fixture.users.put(new User("admin@example.com", "Admin", "plain:row-password", true, true, T, T));

        assertThat(refusal(login("admin@example.com", ADMIN_PASSWORD))).isEqualTo(LoginService.REFUSAL);
        LoginResult.LoggedIn result = loggedIn(login("admin@example.com", "row-password"));
        assertThat(result.platformAdmin()).isFalse();
        assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
    }
}
