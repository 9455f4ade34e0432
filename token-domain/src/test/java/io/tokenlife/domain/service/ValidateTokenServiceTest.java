package io.tokenlife.domain.service;

import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.policy.validation.ValidationPolicy;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.out.Verification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateTokenServiceTest {
    private static final String ALICE = "alice@example.com";
    private static final String ADMIN = "admin@example.com";
    private static final Actor AS_ADMIN = new Actor(ADMIN, true, Actor.Kind.SESSION_TOKEN);

    private DomainFixture fixture = DomainFixture.with();

    private Instant now() {
        return fixture.clock.instant();
    }

    /** Claims the platform itself would issue now: every check passes. */
    private TokenClaims.Builder good() {
        return TokenClaims.builder()
                .issuer("mcpgateway")
                .audience("mcpgateway-api")
                .subject(ALICE)
                .issuedAt(now())
                .expiresAt(now().plus(Duration.ofMinutes(20)))
                .jti(UUID.randomUUID().toString())
                .tokenUse(TokenUse.SESSION);
    }

    private ValidationResult validate(TokenClaims claims) {
        return fixture.services.validateToken().validate(fixture.codec.forge(claims));
    }

    private ValidationResult.Valid valid(TokenClaims claims) {
        ValidationResult result = validate(claims);
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return (ValidationResult.Valid) result;
    }

    private ValidationCode rejected(TokenClaims claims) {
        ValidationResult result = validate(claims);
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) result).detail()).isNotBlank();
        return ((ValidationResult.Rejected) result).code();
    }

    private void revokeAllOf(String subject, Instant before) {
        fixture.services.revokeAllTokens().revokeAll(new RevokeAllTokensCommand(AS_ADMIN, Optional.of(subject),
                Optional.of(before), Optional.empty()));
    }

    private static User user(String email, boolean active) {
        Instant t = Instant.parse("2025-12-01T00:00:00Z");
        return new User(email, "Some One", "plain:pw", false, active, t, t);
    }

    @Test
    void aTokenThePlatformIssuedIsValidAndItsUseIsRemembered() {
        IssueTokenResult.Issued issued = (IssueTokenResult.Issued) fixture.services.issueToken()
                .issue(IssueTokenCommand.session(ALICE, TokenSource.LOGIN));
        IssuedToken token = issued.token();
        fixture.clock.advance(Duration.ofMinutes(5));

        ValidationResult result = fixture.services.validateToken().validate(token.compact());

        assertThat(result.isValid()).isTrue();
        assertThat(((ValidationResult.Valid) result).warnings()).isEmpty();
        assertThat(((ValidationResult.Valid) result).platformAdmin()).isFalse();
        assertThat(fixture.store.find(token.jti()).orElseThrow().lastUsedAt()).isEqualTo(now());
    }

    @Test
    void aVerifierRefusalIsReturnedAsIsAndThePolicyDoesNotRun() {
        for (ValidationCode code : List.of(ValidationCode.TOKEN_MALFORMED, ValidationCode.TOKEN_ALGORITHM_NOT_ALLOWED,
                ValidationCode.TOKEN_SIGNATURE_INVALID)) {
            ValidateTokenService service = new ValidateTokenService(token -> new Verification.Refused(code, "bad"),
                    new ValidationPolicy(List.of(), List.of((claims, at) -> {
                        throw new AssertionError("the policy must not run after a verifier refusal");
                    })), fixture.store, fixture.events, fixture.clock);

            ValidationResult result = service.validate("anything");

            assertThat(result).isEqualTo(new ValidationResult.Rejected(code, "bad"));
        }
        assertThat(fixture.events.all()).isEmpty();
    }

    @Test
    void anUnknownTokenFailsTheSignatureCheck() {
        ValidationResult result = fixture.services.validateToken().validate("not.a.token");

        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) result).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void theCodesAreTheThirteenOfTheSpecInTheirOrder() {
        assertThat(ValidationCode.values()).extracting(ValidationCode::wireName).containsExactly(
                "token_malformed", "token_algorithm_not_allowed", "token_signature_invalid",
                "token_missing_expiration", "token_expired", "token_not_yet_valid", "token_issuer_invalid",
                "token_audience_invalid", "token_missing_jti", "token_environment_mismatch", "token_revoked",
                "user_not_found", "user_disabled");
    }

    @Nested
    class Expiry {
        @Test
        void atExpPlusLeewayTheTokenIsExpiredAndOneSecondBeforeItIsValid() {
            Instant exp = now().plusSeconds(60);
            TokenClaims claims = good().expiresAt(exp).build();

            fixture.clock.set(exp.plusSeconds(29));
            valid(claims);
            fixture.clock.set(exp.plusSeconds(30));
            assertThat(rejected(claims)).isEqualTo(ValidationCode.TOKEN_EXPIRED);
        }

        @Test
        void withNoLeewayTheTokenExpiresAtExp() {
            fixture = DomainFixture.with("JWT_LEEWAY_SECONDS", "0");
            Instant exp = now().plusSeconds(60);
            TokenClaims claims = good().expiresAt(exp).build();

            fixture.clock.set(exp.minusSeconds(1));
            valid(claims);
            fixture.clock.set(exp.minusMillis(1));
            valid(claims);
            fixture.clock.set(exp);
            assertThat(rejected(claims)).isEqualTo(ValidationCode.TOKEN_EXPIRED);
        }

        @Test
        void aCachedAnswerNeverOutlivesTheExpiry() {
            TokenClaims claims = good().expiresAt(now().plusSeconds(10)).build();
            String token = fixture.codec.forge(claims);

            assertThat(fixture.services.validateToken().validate(token).isValid()).isTrue();
            fixture.clock.advance(Duration.ofSeconds(40));
            assertThat(fixture.services.validateToken().validate(token).isValid()).isFalse();
        }

        @Test
        void notBeforeInTheFutureBeyondTheLeewayIsNotYetValidAndExactlyAtTheLeewayIsValid() {
            valid(good().notBefore(now().plusSeconds(30)).build());
            assertThat(rejected(good().notBefore(now().plusSeconds(31)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        }

        @Test
        void issuedAtInTheFutureBeyondTheLeewayIsNotYetValidAndExactlyAtTheLeewayIsValid() {
            valid(good().issuedAt(now().plusSeconds(30)).build());
            assertThat(rejected(good().issuedAt(now().plusSeconds(31)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        }

        @Test
        void withNoLeewayAnyInstantInTheFutureIsNotYetValid() {
            fixture = DomainFixture.with("JWT_LEEWAY_SECONDS", "0");

            valid(good().notBefore(now()).issuedAt(now()).build());
            assertThat(rejected(good().notBefore(now().plusSeconds(1)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
            assertThat(rejected(good().issuedAt(now().plusSeconds(1)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        }

        @Test
        void aMissingExpIsRejectedWhileExpirationIsRequired() {
            assertThat(rejected(good().expiresAt(null).build())).isEqualTo(ValidationCode.TOKEN_MISSING_EXPIRATION);
        }

        @Test
        void aMissingExpIsAcceptedWhenExpirationIsNotRequired() {
            fixture = DomainFixture.with("REQUIRE_TOKEN_EXPIRATION", "false");

            valid(good().expiresAt(null).build());
        }

        @Test
        void withoutExpTheNotBeforeAndIssuedAtChecksStillRun() {
            fixture = DomainFixture.with("REQUIRE_TOKEN_EXPIRATION", "false");

            assertThat(rejected(good().expiresAt(null).notBefore(now().plusSeconds(3600)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
            assertThat(rejected(good().expiresAt(null).issuedAt(now().plusSeconds(3600)).build()))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        }
    }

    @Nested
    class IssuerAndAudience {
        @Test
        void anotherIssuerOrNoIssuerIsRejected() {
            assertThat(rejected(good().issuer("someone-else").build())).isEqualTo(ValidationCode.TOKEN_ISSUER_INVALID);
            assertThat(rejected(good().issuer(null).build())).isEqualTo(ValidationCode.TOKEN_ISSUER_INVALID);
        }

        @Test
        void issuerVerificationCanBeTurnedOff() {
            fixture = DomainFixture.with("JWT_ISSUER_VERIFICATION", "false");

            valid(good().issuer("someone-else").build());
            valid(good().issuer(null).build());
        }

        @Test
        void theConfiguredIssuerIsTheOneChecked() {
            fixture = DomainFixture.with("JWT_ISSUER", "tokenlife-staging");

            valid(good().issuer("tokenlife-staging").build());
            assertThat(rejected(good().build())).isEqualTo(ValidationCode.TOKEN_ISSUER_INVALID);
        }

        @Test
        void anotherAudienceOrNoAudienceIsRejected() {
            assertThat(rejected(good().audience("other-api").build())).isEqualTo(ValidationCode.TOKEN_AUDIENCE_INVALID);
            assertThat(rejected(good().audience(List.of()).build())).isEqualTo(ValidationCode.TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void anAudienceListContainingOursIsAccepted() {
            valid(good().audience(List.of("other-api", "mcpgateway-api")).build());
            assertThat(rejected(good().audience(List.of("other-api", "third-api")).build()))
                    .isEqualTo(ValidationCode.TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void audienceVerificationCanBeTurnedOff() {
            fixture = DomainFixture.with("JWT_AUDIENCE_VERIFICATION", "false");

            valid(good().audience("other-api").build());
            valid(good().audience(List.of()).build());
        }
    }

    @Nested
    class Jti {
        @Test
        void aMissingJtiIsRejectedWhenRequired() {
            fixture = DomainFixture.with("REQUIRE_JTI", "true");

            assertThat(rejected(good().jti(null).build())).isEqualTo(ValidationCode.TOKEN_MISSING_JTI);
            assertThat(rejected(good().jti("  ").build())).isEqualTo(ValidationCode.TOKEN_MISSING_JTI);
            assertThat(fixture.events.of(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED)).isEmpty();
        }

        @Test
        void aMissingJtiIsAcceptedWithAWarningAndAnEventWhenNotRequired() {
            ValidationResult.Valid result = valid(good().jti(null).build());

            assertThat(result.warnings()).containsExactly(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED);
            assertThat(ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED.wireName()).isEqualTo("token_missing_jti_accepted");
            List<SecurityEvent> events = fixture.events.of(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).level()).isEqualTo(SecurityEvent.Level.WARN);
            assertThat(events.get(0).fields()).containsEntry("subject", ALICE);
        }

        @Test
        void aTokenWithAJtiHasNoWarning() {
            assertThat(valid(good().build()).warnings()).isEmpty();
            assertThat(fixture.events.all()).isEmpty();
        }
    }

    @Nested
    class Environment {
        @Test
        void aMismatchIsRejectedAndReported() {
            fixture = DomainFixture.with("ENVIRONMENT", "production", "VALIDATE_TOKEN_ENVIRONMENT", "true");

            assertThat(rejected(good().environment("staging").build()))
                    .isEqualTo(ValidationCode.TOKEN_ENVIRONMENT_MISMATCH);
            List<SecurityEvent> events = fixture.events.of(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).fields()).containsEntry("token_env", "staging").containsEntry("subject", ALICE);
        }

        @Test
        void aMatchingOrMissingEnvironmentIsAccepted() {
            fixture = DomainFixture.with("ENVIRONMENT", "production", "VALIDATE_TOKEN_ENVIRONMENT", "true");

            valid(good().environment("production").build());
            valid(good().environment(null).build());
            assertThat(fixture.events.of(SecurityEventType.TOKEN_ENVIRONMENT_MISMATCH)).isEmpty();
        }

        @Test
        void aMismatchIsAcceptedWhenTheCheckIsOff() {
            fixture = DomainFixture.with("ENVIRONMENT", "production", "VALIDATE_TOKEN_ENVIRONMENT", "false");

            valid(good().environment("staging").build());
        }

        @Test
        void tokensIssuedWithTheEnvironmentEmbeddedPassTheCheck() {
            fixture = DomainFixture.with("ENVIRONMENT", "staging", "EMBED_ENVIRONMENT_IN_TOKENS", "true",
                    "VALIDATE_TOKEN_ENVIRONMENT", "true");
            IssuedToken token = ((IssueTokenResult.Issued) fixture.services.issueToken()
                    .issue(IssueTokenCommand.session(ALICE, TokenSource.CLI))).token();

            assertThat(fixture.services.validateToken().validate(token.compact()).isValid()).isTrue();
        }
    }

    @Nested
    class Revocation {
        @Test
        void aRevokedJtiIsRejectedAndReported() {
            TokenClaims claims = good().build();
            fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(AS_ADMIN, claims.jti(), Optional.of("leaked")));

            assertThat(rejected(claims)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            List<SecurityEvent> events = fixture.events.of(SecurityEventType.TOKEN_REVOKED_PRESENTED);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).fields()).containsEntry("jti", claims.jti()).containsEntry("subject", ALICE);
        }

        @Test
        void aSubjectCutoffRevokesTokensIssuedAtItsSecondButNotOneSecondAfter() {
            Instant cutoff = now();
            TokenClaims atCutoff = good().issuedAt(cutoff).build();
            TokenClaims oneSecondAfter = good().issuedAt(cutoff.plusSeconds(1)).build();
            TokenClaims before = good().issuedAt(cutoff.minusSeconds(60)).build();
            TokenClaims otherSubject = good().subject("bob@example.com").issuedAt(cutoff).build();
            fixture.clock.advance(Duration.ofSeconds(5));

            revokeAllOf("Alice@Example.com", cutoff);

            assertThat(rejected(atCutoff)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            assertThat(rejected(before)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            valid(oneSecondAfter);
            valid(otherSubject);
            assertThat(fixture.events.of(SecurityEventType.TOKEN_REVOKED_PRESENTED)).hasSize(2);
        }

        @Test
        void theSubjectOfTheTokenIsComparedWithoutRegardToCase() {
            Instant cutoff = now();
            fixture.clock.advance(Duration.ofSeconds(5));
            revokeAllOf(ALICE, cutoff);

            assertThat(rejected(good().subject("ALICE@example.com").issuedAt(cutoff).build()))
                    .isEqualTo(ValidationCode.TOKEN_REVOKED);
        }

        @Test
        void aGlobalCutoffRevokesEveryonesTokensIssuedAtOrBeforeIt() {
            Instant cutoff = now();
            TokenClaims alice = good().issuedAt(cutoff).build();
            TokenClaims bob = good().subject("bob@example.com").issuedAt(cutoff.minusSeconds(10)).build();
            TokenClaims later = good().issuedAt(cutoff.plusSeconds(1)).build();
            fixture.clock.advance(Duration.ofSeconds(5));

            fixture.services.revokeAllTokens().revokeAll(RevokeAllTokensCommand.platformWide(AS_ADMIN, cutoff,
                    Optional.of("key compromise")));

            assertThat(rejected(alice)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            assertThat(rejected(bob)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            valid(later);
            assertThat(fixture.events.of(SecurityEventType.TOKEN_REVOKED_PRESENTED)).hasSize(2);
        }

        @Test
        void aTokenWithoutIssuedAtIsRevokedByAnyCutoff() {
            TokenClaims noIat = good().issuedAt(null).build();
            valid(noIat);

            revokeAllOf(ALICE, now());

            assertThat(rejected(noIat)).isEqualTo(ValidationCode.TOKEN_REVOKED);
        }
    }

    @Nested
    class Users {
        @Test
        void withRequireUserInDbAKnownActiveUserIsAccepted() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true");
            fixture.users.put(user(ALICE, true));

            valid(good().subject("Alice@Example.com").build());
        }

        @Test
        void withRequireUserInDbAnUnknownUserIsRejectedAndReported() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true");

            assertThat(rejected(good().build())).isEqualTo(ValidationCode.USER_NOT_FOUND);
            assertThat(rejected(good().subject(null).build())).isEqualTo(ValidationCode.USER_NOT_FOUND);
            List<SecurityEvent> events = fixture.events.of(SecurityEventType.USER_NOT_FOUND_REJECTED);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).fields()).containsEntry("subject", ALICE);
        }

        @Test
        void withRequireUserInDbADisabledUserIsRejected() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true");
            fixture.users.put(user(ALICE, false));

            assertThat(rejected(good().build())).isEqualTo(ValidationCode.USER_DISABLED);
        }

        @Test
        void withRequireUserInDbThePlatformAdminWithoutARowIsNotFound() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true", "PLATFORM_ADMIN_PASSWORD", "a-strong-admin-password");

            assertThat(rejected(good().subject(ADMIN).build())).isEqualTo(ValidationCode.USER_NOT_FOUND);
            assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
        }

        @Test
        void withoutRequireUserInDbAnUnknownUserIsAcceptedButADisabledOneIsNot() {
            fixture.users.put(user("bob@example.com", false));

            ValidationResult.Valid unknown = valid(good().build());
            assertThat(unknown.platformAdmin()).isFalse();
            assertThat(rejected(good().subject("bob@example.com").build())).isEqualTo(ValidationCode.USER_DISABLED);
        }

        @Test
        void thePlatformAdminWithoutARowIsAcceptedThroughTheBootstrapAndReported() {
            fixture = DomainFixture.with("PLATFORM_ADMIN_PASSWORD", "a-strong-admin-password");
            TokenClaims claims = good().subject("Admin@Example.com").build();

            ValidationResult.Valid result = valid(claims);

            assertThat(result.platformAdmin()).isTrue();
            assertThat(Caller.of(result).admin()).isTrue();
            List<SecurityEvent> events = fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).type().wireName()).isEqualTo("platform_admin_auth");
            assertThat(events.get(0).fields()).containsEntry("user_id", "Admin@Example.com")
                    .containsEntry("jti", claims.jti());
        }

        @Test
        void withoutAnAdminPasswordThePlatformAdminIsJustAnUnknownUser() {
            ValidationResult.Valid result = valid(good().subject(ADMIN).build());

            assertThat(result.platformAdmin()).isFalse();
            assertThat(fixture.events.of(SecurityEventType.PLATFORM_ADMIN_AUTH)).isEmpty();
        }

        @Test
        void aUserRowForTheAdminWinsOverTheBootstrap() {
            fixture = DomainFixture.with("PLATFORM_ADMIN_PASSWORD", "a-strong-admin-password");
            fixture.users.put(user(ADMIN, false));

            assertThat(rejected(good().subject(ADMIN).build())).isEqualTo(ValidationCode.USER_DISABLED);
        }
    }

    /** When two checks fail, the one earlier in docs/explanation/token-lifecycle.md#validation decides. */
    @Nested
    class Order {
        private ValidationCode firstOf(UnaryOperator<TokenClaims.Builder> breakBoth) {
            return rejected(breakBoth.apply(good()).build());
        }

        @Test
        void missingExpirationBeatsABadIssuer() {
            assertThat(firstOf(b -> b.expiresAt(null).issuer("x"))).isEqualTo(ValidationCode.TOKEN_MISSING_EXPIRATION);
        }

        @Test
        void expiredBeatsNotYetValid() {
            assertThat(firstOf(b -> b.expiresAt(now().minusSeconds(3600)).notBefore(now().plusSeconds(3600))))
                    .isEqualTo(ValidationCode.TOKEN_EXPIRED);
        }

        @Test
        void expiredBeatsABadIssuerAndABadAudience() {
            assertThat(firstOf(b -> b.expiresAt(now().minusSeconds(3600)).issuer("x").audience("y")))
                    .isEqualTo(ValidationCode.TOKEN_EXPIRED);
        }

        @Test
        void notYetValidBeatsABadAudience() {
            assertThat(firstOf(b -> b.notBefore(now().plusSeconds(3600)).audience("y")))
                    .isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        }

        @Test
        void aBadIssuerBeatsABadAudience() {
            assertThat(firstOf(b -> b.issuer("x").audience("y"))).isEqualTo(ValidationCode.TOKEN_ISSUER_INVALID);
        }

        @Test
        void aBadAudienceBeatsAMissingJti() {
            fixture = DomainFixture.with("REQUIRE_JTI", "true");
            assertThat(firstOf(b -> b.audience("y").jti(null))).isEqualTo(ValidationCode.TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void aMissingJtiBeatsAnEnvironmentMismatch() {
            fixture = DomainFixture.with("REQUIRE_JTI", "true", "VALIDATE_TOKEN_ENVIRONMENT", "true");
            assertThat(firstOf(b -> b.jti(null).environment("production"))).isEqualTo(ValidationCode.TOKEN_MISSING_JTI);
        }

        @Test
        void anEnvironmentMismatchBeatsARevocation() {
            fixture = DomainFixture.with("VALIDATE_TOKEN_ENVIRONMENT", "true");
            TokenClaims claims = good().environment("production").build();
            fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(AS_ADMIN, claims.jti(), Optional.empty()));

            assertThat(rejected(claims)).isEqualTo(ValidationCode.TOKEN_ENVIRONMENT_MISMATCH);
            assertThat(fixture.events.of(SecurityEventType.TOKEN_REVOKED_PRESENTED)).isEmpty();
        }

        @Test
        void aRevocationBeatsAnUnknownOrDisabledUser() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true");
            fixture.users.put(user("bob@example.com", false));
            TokenClaims unknown = good().build();
            TokenClaims disabled = good().subject("bob@example.com").build();
            fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(AS_ADMIN, unknown.jti(), Optional.empty()));
            fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(AS_ADMIN, disabled.jti(), Optional.empty()));

            assertThat(rejected(unknown)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            assertThat(rejected(disabled)).isEqualTo(ValidationCode.TOKEN_REVOKED);
            assertThat(fixture.events.of(SecurityEventType.USER_NOT_FOUND_REJECTED)).isEmpty();
        }

        @Test
        void aMissingJtiWarningIsNotReportedForATokenRejectedLater() {
            fixture = DomainFixture.with("REQUIRE_USER_IN_DB", "true");

            assertThat(firstOf(b -> b.jti(null))).isEqualTo(ValidationCode.USER_NOT_FOUND);
            assertThat(fixture.events.of(SecurityEventType.TOKEN_MISSING_JTI_ACCEPTED)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ValidationCode.class, names = {"TOKEN_MALFORMED", "TOKEN_ALGORITHM_NOT_ALLOWED",
            "TOKEN_SIGNATURE_INVALID"}, mode = EnumSource.Mode.EXCLUDE)
    void everyPolicyCodeCanBeProducedThroughTheFixture(ValidationCode code) {
        fixture = new DomainFixture(TestSettings.with("REQUIRE_JTI", "true", "VALIDATE_TOKEN_ENVIRONMENT", "true",
                "REQUIRE_USER_IN_DB", "true"));
        fixture.users.put(user(ALICE, true)).put(user("bob@example.com", false));
        Map<ValidationCode, UnaryOperator<TokenClaims.Builder>> breakers = Map.of(
                ValidationCode.TOKEN_MISSING_EXPIRATION, b -> b.expiresAt(null),
                ValidationCode.TOKEN_EXPIRED, b -> b.expiresAt(now().minusSeconds(31)),
                ValidationCode.TOKEN_NOT_YET_VALID, b -> b.notBefore(now().plusSeconds(31)),
                ValidationCode.TOKEN_ISSUER_INVALID, b -> b.issuer("x"),
                ValidationCode.TOKEN_AUDIENCE_INVALID, b -> b.audience("x"),
                ValidationCode.TOKEN_MISSING_JTI, b -> b.jti(null),
                ValidationCode.TOKEN_ENVIRONMENT_MISMATCH, b -> b.environment("production"),
                ValidationCode.TOKEN_REVOKED, b -> b.jti("revoked-jti"),
                ValidationCode.USER_NOT_FOUND, b -> b.subject("nobody@example.com"),
                ValidationCode.USER_DISABLED, b -> b.subject("bob@example.com"));
        fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(AS_ADMIN, "revoked-jti", Optional.empty()));

        valid(good().build());
        assertThat(rejected(breakers.get(code).apply(good()).build())).isEqualTo(code);
    }
}
