package io.tokenlife.domain.service;

import io.tokenlife.domain.fakes.FakeTokenCodec;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.out.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class IssueTokenServiceTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.789Z");
    private static final Instant NOW_SECONDS = Instant.parse("2026-01-01T10:00:00Z");

    private DomainFixture fixture = fixture();

    private static DomainFixture fixture(String... keyValues) {
        DomainFixture f = DomainFixture.with(keyValues);
        f.clock.set(NOW);
        return f;
    }

    private IssueTokenUseCase issuer() {
        return fixture.services.issueToken();
    }

    private static IssueTokenCommand api(Expiry expiry) {
        return command("alice@example.com", TokenUse.API, expiry, null, Map.of(), null);
    }

    private static IssueTokenCommand command(String subject, TokenUse use, Expiry expiry, String scope,
                                             Map<String, Object> extra, String jti) {
        return new IssueTokenCommand(subject, use == TokenUse.API ? TokenSource.API : TokenSource.LOGIN, use, expiry,
                Optional.ofNullable(scope), extra, Optional.ofNullable(jti), Optional.of("a name"));
    }

    private IssuedToken issued(IssueTokenCommand command) {
        IssueTokenResult result = issuer().issue(command);
        assertThat(result).isInstanceOf(IssueTokenResult.Issued.class);
        return ((IssueTokenResult.Issued) result).token();
    }

    private Invalid refused(IssueTokenCommand command) {
        IssueTokenResult result = issuer().issue(command);
        assertThat(result).isInstanceOf(Invalid.class);
        return (Invalid) result;
    }

    @Test
    void aSessionTokenCarriesThePlatformClaims() {
        IssuedToken token = issued(IssueTokenCommand.session("Alice@Example.COM", TokenSource.LOGIN));
        TokenClaims claims = token.claims();

        assertThat(claims.issuer()).isEqualTo("mcpgateway");
        assertThat(claims.audience()).containsExactly("mcpgateway-api");
        assertThat(claims.subject()).isEqualTo("alice@example.com");
        assertThat(claims.issuedAt()).isEqualTo(NOW_SECONDS);
        assertThat(claims.expiresAt()).isEqualTo(NOW_SECONDS.plus(Duration.ofMinutes(20)));
        assertThat(claims.notBefore()).isNull();
        assertThat(claims.jti()).matches(UUID);
        assertThat(claims.tokenUse()).isEqualTo(TokenUse.SESSION);
        assertThat(claims.scope()).isNull();
        assertThat(claims.environment()).as("env only when EMBED_ENVIRONMENT_IN_TOKENS").isNull();
        assertThat(claims.extra()).isEmpty();
    }

    @Test
    void theRegistryRecordsTheKidOfTheKeyThatSignedTheToken() {
        IssuedToken token = issued(api(Expiry.after(Duration.ofDays(30))));

        assertThat(token.record().keyId()).isEqualTo(FakeTokenCodec.KEY_ID);
        assertThat(fixture.store.find(token.jti()).orElseThrow().keyId()).isEqualTo(FakeTokenCodec.KEY_ID);
    }

    @Test
    void theSignerGetsExactlyTheClaimsThatAreReturned() {
        IssuedToken token = issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN));

        Verification verification = fixture.codec.verify(token.compact());
        assertThat(verification).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) verification).token().claims()).isEqualTo(token.claims());
    }

    @Test
    void theIssuerAndAudienceComeFromTheSettings() {
        fixture = fixture("JWT_ISSUER", "tokenlife-test", "JWT_AUDIENCE", "tokenlife-test-api");

        TokenClaims claims = issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN)).claims();

        assertThat(claims.issuer()).isEqualTo("tokenlife-test");
        assertThat(claims.audience()).containsExactly("tokenlife-test-api");
    }

    @Test
    void theEnvironmentIsEmbeddedOnlyWhenAskedFor() {
        fixture = fixture("ENVIRONMENT", "staging", "EMBED_ENVIRONMENT_IN_TOKENS", "true");
        assertThat(issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN)).claims().environment())
                .isEqualTo("staging");

        fixture = fixture("ENVIRONMENT", "staging", "EMBED_ENVIRONMENT_IN_TOKENS", "false");
        assertThat(issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN)).claims().environment())
                .isNull();
    }

    @Test
    void theSessionLifetimeComesFromTokenExpiry() {
        fixture = fixture("TOKEN_EXPIRY", "45");

        TokenClaims claims = issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN)).claims();

        assertThat(Duration.between(claims.issuedAt(), claims.expiresAt())).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void aScopeIsTrimmedAndKeptAndABlankOneIsLeftOut() {
        assertThat(issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), "  read write ", Map.of(),
                null)).claims().scope()).isEqualTo("read write");
        assertThat(issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), "   ", Map.of(),
                null)).claims().scope()).isNull();
    }

    @Test
    void everyIssuanceGetsAFreshRandomUuidJti() {
        Set<String> jtis = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String jti = issued(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN)).jti();
            assertThat(jti).matches(UUID);
            jtis.add(jti);
        }
        assertThat(jtis).hasSize(10_000);
    }

    @Test
    void aCallersJtiIsKept() {
        IssuedToken token = issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), null, Map.of(),
                "my-own-jti-1"));

        assertThat(token.jti()).isEqualTo("my-own-jti-1");
        assertThat(fixture.store.find("my-own-jti-1")).isPresent();
    }

    @Test
    void aReusedJtiIsRefusedAndTheFirstTokenKeepsItsRecord() {
        issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), null, Map.of(), "dup-jti"));
        fixture.events.clear();

        Invalid refusal = refused(command("bob@example.com", TokenUse.SESSION, Expiry.byDefault(),
                null, Map.of(), "dup-jti"));

        assertThat(refusal.field()).isEqualTo(Field.JTI);
        assertThat(refusal.detail()).contains("dup-jti");
        assertThat(fixture.store.find("dup-jti").orElseThrow().subject()).isEqualTo("alice@example.com");
        assertThat(fixture.events.of(SecurityEventType.TOKEN_ISSUED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "aud", "sub", "iat", "nbf", "exp", "jti", "token_use", "scope", "env"})
    void platformOwnedClaimsCannotBeSetThroughExtraClaims(String claim) {
        Invalid refusal = refused(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(),
                null, Map.of(claim, "forged"), null));

        assertThat(refusal.field()).isEqualTo(Field.CLAIM);
        assertThat(refusal.detail()).contains("'" + claim + "'");
        assertThat(fixture.store.list(io.tokenlife.domain.model.TokenQuery.all(), NOW).items()).isEmpty();
    }

    @Test
    void otherExtraClaimsAreKept() {
        TokenClaims claims = issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), null,
                Map.of("team", "blue", "is_admin", true), null)).claims();

        assertThat(claims.extra()).containsEntry("team", "blue").containsEntry("is_admin", true);
    }

    @Test
    void anApiTokenWithoutExpiryIsRefusedWhileExpirationIsRequired() {
        assertThat(refused(api(Expiry.byDefault())).field()).isEqualTo(Field.LIFETIME);
        assertThat(refused(api(new Expiry.Never())).detail()).contains("REQUIRE_TOKEN_EXPIRATION");
        assertThat(refused(command("alice@example.com", TokenUse.SESSION, new Expiry.Never(), null, Map.of(), null))
                .detail()).contains("REQUIRE_TOKEN_EXPIRATION");
    }

    @Test
    void anApiTokenWithoutExpiryIsIssuedWithoutExpWhenExpirationIsNotRequired() {
        fixture = fixture("REQUIRE_TOKEN_EXPIRATION", "false");

        IssuedToken byDefault = issued(api(Expiry.byDefault()));
        IssuedToken never = issued(api(new Expiry.Never()));

        assertThat(byDefault.claims().expiresAt()).isNull();
        assertThat(never.claims().expiresAt()).isNull();
        assertThat(fixture.store.find(never.jti()).orElseThrow().expiresAt()).isNull();
    }

    @Test
    void anApiTokenMayLiveExactlyTheMaximumButNotOneSecondMore() {
        Duration max = Duration.ofDays(365);

        assertThat(issued(api(Expiry.after(max))).claims().expiresAt()).isEqualTo(NOW_SECONDS.plus(max));
        assertThat(issued(api(Expiry.at(NOW_SECONDS.plus(max)))).claims().expiresAt()).isEqualTo(NOW_SECONDS.plus(max));
        Invalid refusal = refused(api(Expiry.after(max.plusSeconds(1))));
        assertThat(refusal.field()).isEqualTo(Field.LIFETIME);
        assertThat(refusal.detail()).contains("365").contains("API_TOKEN_MAX_EXPIRY_DAYS");
        assertThat(refused(api(Expiry.at(NOW_SECONDS.plus(max).plusSeconds(1)))).detail())
                .contains("API_TOKEN_MAX_EXPIRY_DAYS");
    }

    @Test
    void theMaximumFollowsApiTokenMaxExpiryDays() {
        fixture = fixture("API_TOKEN_MAX_EXPIRY_DAYS", "30");

        assertThat(issued(api(Expiry.after(Duration.ofDays(30)))).claims().expiresAt())
                .isEqualTo(NOW_SECONDS.plus(Duration.ofDays(30)));
        assertThat(refused(api(Expiry.after(Duration.ofDays(31)))).detail()).contains("30 days");
    }

    @Test
    void anExpiryInThePastOrNowIsRefused() {
        assertThat(refused(api(Expiry.after(Duration.ZERO))).field()).isEqualTo(Field.LIFETIME);
        assertThat(refused(api(Expiry.after(Duration.ofSeconds(-5)))).detail()).contains("future");
        assertThat(refused(api(Expiry.at(NOW_SECONDS))).detail()).contains("future");
        assertThat(refused(command("alice@example.com", TokenUse.SESSION, Expiry.after(Duration.ofMinutes(-1)), null,
                Map.of(), null)).field()).isEqualTo(Field.LIFETIME);
    }

    @Test
    void aBadExpiresAtIsRefusedNamingExpiresAt() {
        assertThat(refused(api(Expiry.at(NOW_SECONDS.minusSeconds(1)))).field()).isEqualTo(Field.EXPIRES_AT);
        assertThat(refused(api(Expiry.at(NOW_SECONDS.plus(Duration.ofDays(400))))).field()).isEqualTo(Field.EXPIRES_AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read \"write\"", "read\\write", "read  write", "lecture écriture"})
    void aBadScopeIsRefusedNamingTheScope(String scope) {
        Invalid refusal = refused(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(),
                scope, Map.of(), null));

        assertThat(refusal.field()).isEqualTo(Field.SCOPE);
    }

    @Test
    void aScopeOrNameOverItsLimitIsRefusedBeforeAnythingIsRecorded() {
        Invalid scope = refused(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(),
                "a".repeat(Limits.MAX_SCOPE + 1), Map.of(), null));
        Invalid name = refused(new IssueTokenCommand("alice@example.com", TokenSource.API, TokenUse.API,
                Expiry.after(Duration.ofDays(1)), Optional.empty(), Map.of(), Optional.empty(),
                Optional.of("n".repeat(Limits.MAX_TOKEN_NAME + 1))));

        assertThat(scope).isEqualTo(new Invalid(Field.SCOPE, "the scope may be at most 4000 characters long"));
        assertThat(name).isEqualTo(new Invalid(Field.NAME, "the name may be at most 200 characters long"));
        assertThat(issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(),
                "a".repeat(Limits.MAX_SCOPE), Map.of(), null)).claims().scope()).hasSize(Limits.MAX_SCOPE);
        assertThat(fixture.events.of(SecurityEventType.TOKEN_ISSUED)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "alice smith@example.com", "tab\t@example.com"})
    void aBadSubjectIsRefusedNamingTheSubject(String subject) {
        assertThat(refused(IssueTokenCommand.session(subject, TokenSource.LOGIN)).field()).isEqualTo(Field.SUBJECT);
    }

    @Test
    void aSubjectLongerThan320CharactersIsRefused() {
        String tooLong = "a".repeat(309) + "@example.com";
        assertThat(tooLong).hasSize(321);
        assertThat(refused(IssueTokenCommand.session(tooLong, TokenSource.LOGIN)).field()).isEqualTo(Field.SUBJECT);
        assertThat(issued(IssueTokenCommand.session(tooLong.substring(1), TokenSource.LOGIN)).claims().subject())
                .hasSize(320);
    }

    @Test
    void aBadJtiIsRefusedNamingTheJti() {
        for (String jti : new String[] {"", "has space", "x".repeat(129), "tab\tjti", "é"}) {
            assertThat(refused(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), null, Map.of(), jti))
                    .field()).as(jti).isEqualTo(Field.JTI);
        }
        assertThat(issued(command("alice@example.com", TokenUse.SESSION, Expiry.byDefault(), null, Map.of(),
                "x".repeat(128))).jti()).hasSize(128);
    }

    @ParameterizedTest
    @EnumSource(TokenSource.class)
    void everySourceGoesThroughTheSamePathAndIsRecordedWithItsSource(TokenSource source) {
        IssueTokenCommand command = new IssueTokenCommand("Bob@Example.com", source, TokenUse.SESSION,
                Expiry.byDefault(), Optional.of("read"), Map.of(), Optional.empty(), Optional.of("laptop"));

        IssuedToken token = issued(command);

        TokenRecord row = fixture.store.find(token.jti()).orElseThrow();
        assertThat(row).isEqualTo(token.record());
        assertThat(row.source()).isEqualTo(source);
        assertThat(row.subject()).isEqualTo("bob@example.com");
        assertThat(row.tokenUse()).isEqualTo(TokenUse.SESSION);
        assertThat(row.name()).isEqualTo("laptop");
        assertThat(row.scope()).isEqualTo("read");
        assertThat(row.issuedAt()).isEqualTo(NOW_SECONDS);
        assertThat(row.expiresAt()).isEqualTo(token.claims().expiresAt());
        assertThat(row.revokedAt()).isNull();
        List<SecurityEvent> events = fixture.events.of(SecurityEventType.TOKEN_ISSUED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).fields()).containsEntry("source", source.wireName());
    }

    @Test
    void aTokenIssuedEventDescribesTheTokenWithoutContainingIt() {
        IssuedToken token = issued(api(Expiry.after(Duration.ofDays(7))));

        List<SecurityEvent> events = fixture.events.all();
        assertThat(events).hasSize(1);
        SecurityEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(SecurityEventType.TOKEN_ISSUED);
        assertThat(event.type().wireName()).isEqualTo("token_issued");
        assertThat(event.fields()).containsEntry("jti", token.jti())
                .containsEntry("subject", "alice@example.com")
                .containsEntry("source", "api")
                .containsEntry("token_use", "api")
                .containsEntry("expires_at", NOW_SECONDS.plus(Duration.ofDays(7)).toString());
        assertThat(event.fields().values()).noneMatch(v -> v != null && v.contains(token.compact()));
        assertThat(event.message()).doesNotContain(token.compact());
        assertThat(token.toString()).doesNotContain(token.compact());
    }

    @Test
    void aRefusedIssuanceRecordsNothingAndEmitsNothing() {
        refused(api(Expiry.byDefault()));

        assertThat(fixture.events.all()).isEmpty();
        assertThat(fixture.store.list(io.tokenlife.domain.model.TokenQuery.all(), NOW).items()).isEmpty();
    }
}
