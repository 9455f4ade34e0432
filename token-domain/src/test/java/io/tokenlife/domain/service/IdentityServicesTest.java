package io.tokenlife.domain.service;

import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.SsoLoginCommand;
import io.tokenlife.domain.port.in.SsoLoginResult;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.settings.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityServicesTest {
    private final DomainFixture domain = DomainFixture.with();
    private final ManageUsersUseCase users = domain.services.manageUsers();

    private static final Actor ADMIN = new Actor("admin@example.com", true, Actor.Kind.SESSION_TOKEN);

    private static CreateUserCommand newUser(String email, String password, boolean admin) {
        return new CreateUserCommand(ADMIN, email, Optional.of("Full Name"), Optional.ofNullable(password).map(Secret::new),
                admin);
    }

    private static Actor actor(String subject) {
        return new Actor(subject, true, Actor.Kind.SESSION_TOKEN);
    }

    private User create(CreateUserCommand command) {
        CreateUserResult result = users.create(command);
        assertThat(result).isInstanceOf(CreateUserResult.Created.class);
        return ((CreateUserResult.Created) result).user();
    }

    private String login(String email, String password) {
        LoginResult result = domain.services.login().login(
                new LoginCommand(email, new Secret(password), TokenSource.LOGIN, "127.0.0.1"));
        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) result).token().compact();
    }

    @Test
    void createsAUserWithALowerCasedEmailAndAHashedPassword() {
        User user = create(newUser("Alice@Example.COM", "correct horse battery", false));

        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.passwordHash()).isNotEqualTo("correct horse battery");
        assertThat(user.active()).isTrue();
        assertThat(users.list()).extracting(User::email).containsExactly("alice@example.com");
        assertThat(login("alice@example.com", "correct horse battery")).isNotBlank();
    }

    @Test
    void refusesABadEmailAShortPasswordAndADuplicate() {
        assertThat(users.create(newUser("not-an-email", "long enough password", false)))
                .isEqualTo(new Invalid(Field.EMAIL, "'not-an-email' is not an e-mail address"));
        assertThat(users.create(newUser("bob@example.com", "short", false)))
                .isEqualTo(new Invalid(Field.PASSWORD, "it must be at least 10 characters long"));
        create(newUser("bob@example.com", "long enough password", false));
        assertThat(users.create(newUser("BOB@example.com", "long enough password", false)))
                .isEqualTo(new CreateUserResult.Taken("bob@example.com"));
        assertThat(users.list()).extracting(User::email).containsExactly("bob@example.com");
    }

    @Test
    void anEmailOrFullNameOverItsLimitIsRefusedBeforeTheStoreSeesIt() {
        String email = "e".repeat(Limits.MAX_SUBJECT - 11) + "@example.com";
        String longName = "n".repeat(Limits.MAX_FULL_NAME + 1);

        assertThat(users.create(newUser(email, null, false))).isEqualTo(Invalid.tooLong(Field.EMAIL, Limits.MAX_SUBJECT));
        assertThat(users.create(new CreateUserCommand(ADMIN, "f@example.com", Optional.of(longName), Optional.empty(),
                false))).isEqualTo(Invalid.tooLong(Field.FULL_NAME, Limits.MAX_FULL_NAME));
        create(newUser("f@example.com", null, false));
        assertThat(users.update(new UpdateUserCommand(ADMIN, "f@example.com", Optional.of(longName), Optional.empty(),
                Optional.empty(), Optional.empty()))).isEqualTo(Invalid.tooLong(Field.FULL_NAME, Limits.MAX_FULL_NAME));
        assertThat(users.list()).extracting(User::email).containsExactly("f@example.com");
    }

    @Test
    void disablingAUserRevokesTheirTokensAtOnce() {
        create(newUser("carol@example.com", "long enough password", false));
        String token = login("carol@example.com", "long enough password");
        domain.clock.advance(Duration.ofSeconds(5));

        users.update(new UpdateUserCommand(actor("admin@example.com"), "carol@example.com",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));

        ValidationResult result = domain.services.validateToken().validate(token);
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) result).code()).isIn(ValidationCode.TOKEN_REVOKED, ValidationCode.USER_DISABLED);
        assertThat(domain.events.of(SecurityEventType.SUBJECT_TOKENS_REVOKED)).hasSize(1);
    }

    @Test
    void aLoginInTheSameSecondAsAPasswordChangeGivesAValidTokenWhileTheOldOneStaysRevoked() {
        domain.clock.set(java.time.Instant.parse("2026-01-01T10:00:00.200Z"));
        create(newUser("erin@example.com", "old password 123", false));
        domain.clock.set(java.time.Instant.parse("2026-01-01T09:59:59.500Z"));
        String before = login("erin@example.com", "old password 123");
        domain.clock.set(java.time.Instant.parse("2026-01-01T10:00:00.200Z"));
        String sameSecondBefore = login("erin@example.com", "old password 123");

        users.update(new UpdateUserCommand(actor("erin@example.com"), "erin@example.com",
                Optional.empty(), Optional.of(new Secret("new password 456")), Optional.empty(), Optional.empty()));
        domain.clock.set(java.time.Instant.parse("2026-01-01T10:00:00.700Z"));
        String after = login("erin@example.com", "new password 456");

        assertThat(domain.services.validateToken().validate(before).isValid()).isFalse();
        assertThat(domain.services.validateToken().validate(sameSecondBefore).isValid()).isFalse();
        assertThat(domain.services.validateToken().validate(after).isValid()).isTrue();
    }

    @Test
    void renamingAUserKeepsTheirTokensValid() {
        create(newUser("dave@example.com", "long enough password", false));
        String token = login("dave@example.com", "long enough password");

        UpdateUserResult updated = users.update(new UpdateUserCommand(actor("admin@example.com"), "dave@example.com",
                Optional.of("Dave D."), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(((UpdateUserResult.Updated) updated).user().fullName()).isEqualTo("Dave D.");
        assertThat(domain.services.validateToken().validate(token).isValid()).isTrue();
        assertThat(users.update(new UpdateUserCommand(actor("a"), "nobody@example.com",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .isEqualTo(new UpdateUserResult.NotFound("nobody@example.com"));
    }

    // --- SSO

    private static final SsoProvider PROVIDER = new SsoProvider("idp", "https://idp.test", "tokenlife",
            Optional.of(URI.create("https://idp.test/jwks")), Optional.empty(), "email", false);
    private static final SsoProvider AUTO_PROVIDER = new SsoProvider("auto", "https://idp.test", "tokenlife",
            Optional.of(URI.create("https://idp.test/jwks")), Optional.empty(), "email", true);

    private SsoLoginUseCase sso(ExternalTokenVerifier verifier) {
        return domain.withSso(id -> Optional.of(id.equals("auto") ? AUTO_PROVIDER : PROVIDER)
                .filter(p -> !id.equals("unknown")), verifier).ssoLogin();
    }

    private static ExternalTokenVerifier claims(Map<String, Object> extra) {
        return (provider, token) -> new ExternalTokenVerifier.Verified(TokenClaims.builder()
                .issuer(provider.issuer()).audience(provider.audience()).subject("idp-user-1").extra(extra).build());
    }

    @Test
    void ssoIssuesASessionTokenWithSourceSsoForAKnownUser() {
        create(newUser("erin@example.com", null, true));

        SsoLoginResult result = sso(claims(Map.of("email", "Erin@Example.com"))).login(new SsoLoginCommand("idp", "id-token", "127.0.0.1"));

        assertThat(result).isInstanceOf(SsoLoginResult.LoggedIn.class);
        var token = ((SsoLoginResult.LoggedIn) result).token();
        assertThat(token.record().source()).isEqualTo(TokenSource.SSO);
        assertThat(token.claims().subject()).isEqualTo("erin@example.com");
        assertThat(token.claims().extra()).containsEntry(Caller.ADMIN_CLAIM, true);
        assertThat(domain.store.find(token.jti())).isPresent();
    }

    @Test
    void ssoCreatesTheUserOnFirstLoginOnlyWhenTheProviderAllowsIt() {
        SsoLoginResult refused = sso(claims(Map.of("email", "frank@example.com"))).login(new SsoLoginCommand("idp", "t", "c"));
        SsoLoginResult created = sso(claims(Map.of("email", "frank@example.com"))).login(new SsoLoginCommand("auto", "t", "c"));

        assertThat(refused).isInstanceOf(SsoLoginResult.Refused.class);
        assertThat(created).isInstanceOf(SsoLoginResult.LoggedIn.class);
        assertThat(domain.users.find("frank@example.com")).isPresent();
        assertThat(domain.events.of(SecurityEventType.LOGIN_FAILED)).hasSize(1);
    }

    @Test
    void aUserWithoutPasswordCannotLogInWithOne() {
        create(newUser("sso-only@example.com", null, false));

        LoginResult result = domain.services.login().login(new LoginCommand("sso-only@example.com",
                new Secret("decoy password for unknown users"), TokenSource.LOGIN, "127.0.0.1"));

        assertThat(result).isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void ssoRefusesUnknownProvidersUnverifiedTokensMissingOrUnverifiedEmailsAndDisabledUsers() {
        assertThat(sso(claims(Map.of("email", "a@example.com"))).login(new SsoLoginCommand("unknown", "t", "c")))
                .isInstanceOf(SsoLoginResult.UnknownProvider.class);
        assertThat(sso((p, t) -> new ExternalTokenVerifier.Refused("bad signature")).login(new SsoLoginCommand("auto", "t", "c")))
                .isEqualTo(new SsoLoginResult.Refused("bad signature"));
        assertThat(sso(claims(Map.of())).login(new SsoLoginCommand("auto", "t", "c")))
                .isInstanceOf(SsoLoginResult.Refused.class);
        assertThat(sso(claims(Map.of("email", "g@example.com", "email_verified", false))).login(new SsoLoginCommand("auto", "t", "c")))
                .isInstanceOf(SsoLoginResult.Refused.class);
        create(newUser("h@example.com", null, false));
        users.update(new UpdateUserCommand(actor("admin"), "h@example.com",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
        assertThat(sso(claims(Map.of("email", "h@example.com"))).login(new SsoLoginCommand("idp", "t", "c")))
                .isInstanceOf(SsoLoginResult.Refused.class);
    }
}
