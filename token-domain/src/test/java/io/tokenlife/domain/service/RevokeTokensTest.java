package io.tokenlife.domain.service;

import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase.PurgeResult;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeAllTokensResult;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RevokeTokensTest {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String ADMIN = "admin@example.com";
    private static final Actor AS_ADMIN = new Actor(ADMIN, true, Actor.Kind.SESSION_TOKEN);

    private DomainFixture fixture = DomainFixture.with();

    private IssuedToken issue(String subject) {
        return ((IssueTokenResult.Issued) fixture.services.issueToken()
                .issue(IssueTokenCommand.session(subject, TokenSource.LOGIN))).token();
    }

    private ValidationResult validate(IssuedToken token) {
        return fixture.services.validateToken().validate(token.compact());
    }

    private static ValidationCode code(ValidationResult result) {
        return result instanceof ValidationResult.Rejected r ? r.code() : null;
    }

    private RevokeTokenResult request(Actor actor, String jti, String reason) {
        return fixture.services.revokeToken().revoke(RevokeTokenCommand.byJti(actor, jti, Optional.ofNullable(reason)));
    }

    private RevokeTokenResult.Revoked revoke(String jti, String reason) {
        RevokeTokenResult result = request(AS_ADMIN, jti, reason);
        assertThat(result).isInstanceOf(RevokeTokenResult.Revoked.class);
        return (RevokeTokenResult.Revoked) result;
    }

    private RevokeAllTokensResult.Revoked revokeAll(RevokeAllTokensCommand command) {
        RevokeAllTokensResult result = fixture.services.revokeAllTokens().revokeAll(command);
        assertThat(result).isInstanceOf(RevokeAllTokensResult.Revoked.class);
        return (RevokeAllTokensResult.Revoked) result;
    }

    @Test
    void revokingATokenRejectsItAndMarksItsRegistryRow() {
        IssuedToken token = issue(ALICE);
        Instant now = fixture.clock.instant();

        RevokeTokenResult result = revoke(token.jti(), "leaked");

        assertThat(result).isEqualTo(new RevokeTokenResult.Revoked(token.jti(), true, now, Optional.of(ALICE)));
        assertThat(code(validate(token))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        TokenRecord row = fixture.store.find(token.jti()).orElseThrow();
        assertThat(row.revokedAt()).isEqualTo(now);
        assertThat(row.revokedBy()).isEqualTo(ADMIN);
        assertThat(row.reason()).isEqualTo("leaked");
        assertThat(row.status(now)).isEqualTo(TokenStatus.REVOKED);
        List<SecurityEvent> events = fixture.events.of(SecurityEventType.TOKEN_REVOKED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).fields()).containsEntry("jti", token.jti()).containsEntry("subject", ALICE)
                .containsEntry("revoked_by", ADMIN).containsEntry("reason", "leaked")
                .containsEntry("already_revoked", "false");
    }

    @Test
    void revokingTwiceIsNotAnErrorAndKeepsTheFirstRevocation() {
        IssuedToken token = issue(ALICE);
        Instant first = fixture.clock.instant();
        revoke(token.jti(), "first");
        fixture.clock.advance(Duration.ofMinutes(1));

        RevokeTokenResult.Revoked second = revoke(token.jti(), "second");

        assertThat(second.newlyRevoked()).isFalse();
        assertThat(fixture.store.find(token.jti()).orElseThrow().revokedAt()).isEqualTo(first);
        assertThat(fixture.store.find(token.jti()).orElseThrow().reason()).isEqualTo("first");
        assertThat(fixture.events.of(SecurityEventType.TOKEN_REVOKED).get(1).fields())
                .containsEntry("already_revoked", "true");
        assertThat(code(validate(token))).isEqualTo(ValidationCode.TOKEN_REVOKED);
    }

    @Test
    void aJtiTheRegistryNeverSawIsRevokedAndEnforced() {
        TokenClaims foreign = TokenClaims.builder().issuer("mcpgateway").audience("mcpgateway-api").subject(ALICE)
                .issuedAt(fixture.clock.instant()).expiresAt(fixture.clock.instant().plusSeconds(600))
                .jti("minted-elsewhere").tokenUse(TokenUse.SESSION).build();
        String token = fixture.codec.forge(foreign);
        assertThat(fixture.services.validateToken().validate(token).isValid()).isTrue();

        RevokeTokenResult.Revoked result = revoke("minted-elsewhere", null);

        assertThat(result.newlyRevoked()).isTrue();
        assertThat(result.subject()).as("not in the registry").isEmpty();
        assertThat(fixture.store.find("minted-elsewhere")).isEmpty();
        assertThat(code(fixture.services.validateToken().validate(token))).isEqualTo(ValidationCode.TOKEN_REVOKED);
    }

    @Test
    void anUnknownJtiStaysRevokedAsLongAsAnyTokenWeAcceptCouldLive() {
        revoke("minted-elsewhere", null);
        fixture.clock.advance(Duration.ofDays(365));

        PurgeResult purged = fixture.services.purgeExpired().purge();

        assertThat(purged.revocations()).isZero();
        assertThat(fixture.store.check("minted-elsewhere", null, null)).isEqualTo(JtiRevocations.REVOKED);
        fixture.clock.advance(Duration.ofSeconds(61));
        assertThat(fixture.services.purgeExpired().purge().revocations()).isEqualTo(1);
    }

    @Test
    void withoutRequiredExpirationAnUnknownJtiIsNeverPurged() {
        fixture = DomainFixture.with("REQUIRE_TOKEN_EXPIRATION", "false");
        revoke("minted-elsewhere", null);
        fixture.clock.advance(Duration.ofDays(3650));

        assertThat(fixture.services.purgeExpired().purge().revocations()).isZero();
        assertThat(fixture.store.check("minted-elsewhere", null, null)).isEqualTo(JtiRevocations.REVOKED);
    }

    @Test
    void aBlankJtiIsRefused() {
        assertThat(request(AS_ADMIN, " ", null)).isEqualTo(Invalid.blank(Field.JTI));
    }

    @Test
    void revokeAllForASubjectRevokesEveryTokenOfThatSubjectIssuedUntilNow() {
        IssuedToken alice1 = issue(ALICE);
        fixture.clock.advance(Duration.ofSeconds(10));
        IssuedToken alice2 = issue(ALICE);
        IssuedToken bob = issue(BOB);
        Instant now = fixture.clock.instant();

        RevokeAllTokensResult.Revoked result = revokeAll(
                RevokeAllTokensCommand.ofSubject(AS_ADMIN, "Alice@Example.com", Optional.of("offboarded")));

        assertThat(result.subject()).contains(ALICE);
        assertThat(result.cutoff()).isEqualTo(now);
        assertThat(code(validate(alice1))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(code(validate(alice2))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(validate(bob).isValid()).isTrue();
        assertThat(fixture.store.find(alice1.jti()).orElseThrow().revokedAt()).isNotNull();
        assertThat(fixture.store.find(bob.jti()).orElseThrow().revokedAt()).isNull();
        List<SecurityEvent> events = fixture.events.of(SecurityEventType.SUBJECT_TOKENS_REVOKED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).fields()).containsEntry("subject", ALICE).containsEntry("cutoff", now.toString())
                .containsEntry("revoked_by", ADMIN).containsEntry("reason", "offboarded");

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(validate(issue(ALICE)).isValid()).as("a token issued after the cut-off").isTrue();
    }

    @Test
    void withNoLeewayALoginInTheSecondOfARevokeAllIsAcceptedAndATokenIssuedBeforeItIsNot() {
        fixture = DomainFixture.with("JWT_LEEWAY_SECONDS", "0");
        fixture.clock.set(Instant.parse("2026-01-01T10:00:00.200Z"));
        IssuedToken before = issue(ALICE);
        fixture.clock.set(Instant.parse("2026-01-01T10:00:00.500Z"));
        revokeAll(RevokeAllTokensCommand.ofSubject(AS_ADMIN, ALICE, Optional.of("password changed")));
        fixture.clock.set(Instant.parse("2026-01-01T10:00:00.700Z"));

        IssuedToken after = issue(ALICE);

        assertThat(after.claims().issuedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.700Z"));
        assertThat(validate(after).isValid()).as(String.valueOf(validate(after))).isTrue();
        assertThat(code(validate(before))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(fixture.store.find(after.jti()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void revokeAllPlatformWideRevokesEveryonesTokens() {
        IssuedToken alice = issue(ALICE);
        IssuedToken bob = issue(BOB);
        Instant now = fixture.clock.instant();

        RevokeAllTokensResult.Revoked result = revokeAll(RevokeAllTokensCommand.platformWide(AS_ADMIN, now, Optional.empty()));

        assertThat(result.subject()).isEmpty();
        assertThat(code(validate(alice))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(code(validate(bob))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(fixture.events.of(SecurityEventType.SUBJECT_TOKENS_REVOKED).get(0).fields())
                .containsEntry("subject", "*");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(validate(issue(BOB)).isValid()).isTrue();
    }

    @Test
    void aCutoffInThePastRevokesOnlyWhatWasIssuedUntilThen() {
        IssuedToken older = issue(ALICE);
        Instant cutoff = fixture.clock.instant();
        fixture.clock.advance(Duration.ofMinutes(1));
        IssuedToken newer = issue(ALICE);

        revokeAll(RevokeAllTokensCommand.platformWide(AS_ADMIN, cutoff, Optional.empty()));

        assertThat(code(validate(older))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(validate(newer).isValid()).isTrue();
    }

    @Test
    void aCutoffInTheFutureIsRefusedAndChangesNothing() {
        IssuedToken token = issue(ALICE);
        Instant future = fixture.clock.instant().plusSeconds(1);

        assertThat(fixture.services.revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.platformWide(AS_ADMIN, future, Optional.empty())))
                .isEqualTo(new Invalid(Field.CUTOFF, "the cut-off " + future + " is in the future; give an instant up to now"));
        assertThat(fixture.services.revokeAllTokens().revokeAll(new RevokeAllTokensCommand(AS_ADMIN,
                Optional.of(ALICE), Optional.of(future), Optional.empty())))
                .isInstanceOf(Invalid.class).extracting(r -> ((Invalid) r).field()).isEqualTo(Field.CUTOFF);

        assertThat(validate(token).isValid()).isTrue();
        assertThat(fixture.events.of(SecurityEventType.SUBJECT_TOKENS_REVOKED)).isEmpty();
    }

    @Test
    void aBlankSubjectIsRefused() {
        assertThat(fixture.services.revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.ofSubject(AS_ADMIN, " ", Optional.empty())))
                .isEqualTo(Invalid.blank(Field.SUBJECT));
    }

    @Test
    void aSubjectJtiOrReasonOverItsLimitIsRefusedBeforeTheStoreSeesIt() {
        String longSubject = "a".repeat(Limits.MAX_SUBJECT - 11) + "@example.com";
        String longReason = "r".repeat(Limits.MAX_REASON + 1);

        assertThat(fixture.services.revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.ofSubject(AS_ADMIN, longSubject, Optional.empty())))
                .isEqualTo(Invalid.tooLong(Field.SUBJECT, Limits.MAX_SUBJECT));
        assertThat(fixture.services.revokeAllTokens().revokeAll(
                RevokeAllTokensCommand.ofSubject(AS_ADMIN, ALICE, Optional.of(longReason))))
                .isEqualTo(Invalid.tooLong(Field.REASON, Limits.MAX_REASON));
        assertThat(request(AS_ADMIN, "j".repeat(Limits.MAX_JTI + 1), null)).isEqualTo(Invalid.tooLong(Field.JTI, Limits.MAX_JTI));
        assertThat(request(AS_ADMIN, "j", longReason)).isEqualTo(Invalid.tooLong(Field.REASON, Limits.MAX_REASON));
        assertThat(fixture.events.all()).isEmpty();
    }

    @Test
    void anOwnerRevokesTheirOwnTokenAndNobodyElsesNorAnUnknownJti() {
        Actor alice = new Actor(ALICE, false, Actor.Kind.SESSION_TOKEN);
        IssuedToken own = issue(ALICE);
        IssuedToken bobs = issue(BOB);

        assertThat(request(alice, own.jti(), null)).isInstanceOf(RevokeTokenResult.Revoked.class);
        assertThat(request(alice, bobs.jti(), null)).isEqualTo(new RevokeTokenResult.NotVisible(bobs.jti()));
        assertThat(request(alice, "minted-elsewhere", null)).isEqualTo(new RevokeTokenResult.NotVisible("minted-elsewhere"));

        assertThat(code(validate(own))).isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(validate(bobs).isValid()).isTrue();
        assertThat(fixture.store.check("minted-elsewhere", null, null).isRevoked()).isFalse();
    }

    @Test
    void aPresentedTokenIsTheActorsOwnWhenItsSubjectIsTheirsWhateverTheRegistrySays() {
        Actor alice = new Actor(ALICE, false, Actor.Kind.SESSION_TOKEN);

        RevokeTokenResult own = fixture.services.revokeToken().revoke(
                RevokeTokenCommand.presented(alice, "presented-1", "Alice@Example.com", "oauth2_revoke"));
        RevokeTokenResult other = fixture.services.revokeToken().revoke(
                RevokeTokenCommand.presented(alice, "presented-2", BOB, "oauth2_revoke"));
        RevokeTokenResult noSubject = fixture.services.revokeToken().revoke(
                RevokeTokenCommand.presented(alice, "presented-3", null, "oauth2_revoke"));

        assertThat(own).isInstanceOf(RevokeTokenResult.Revoked.class);
        assertThat(other).isEqualTo(new RevokeTokenResult.NotVisible("presented-2"));
        assertThat(noSubject).isEqualTo(new RevokeTokenResult.NotVisible("presented-3"));
    }

    @Test
    void purgeKeepsEverythingUntilExpPlusLeewayHasPassed() {
        IssuedToken token = issue(ALICE);
        IssuedToken other = issue(BOB);
        revoke(token.jti(), "leaked");
        Instant exp = token.claims().expiresAt();

        fixture.clock.set(exp.plusSeconds(29));
        assertThat(fixture.services.purgeExpired().purge()).isEqualTo(new PurgeResult(0, 0));
        assertThat(code(validate(token))).as("still within leeway: the revocation must hold")
                .isEqualTo(ValidationCode.TOKEN_REVOKED);
        assertThat(validate(other).isValid()).isTrue();

        fixture.clock.set(exp.plusSeconds(30));
        assertThat(fixture.services.purgeExpired().purge()).isEqualTo(new PurgeResult(0, 0));

        fixture.clock.set(exp.plusSeconds(31));
        assertThat(fixture.services.purgeExpired().purge()).isEqualTo(new PurgeResult(2, 1));
        assertThat(fixture.store.find(token.jti())).isEmpty();
        assertThat(code(validate(token))).isEqualTo(ValidationCode.TOKEN_EXPIRED);
    }

    @Test
    void purgeFollowsTheConfiguredLeeway() {
        fixture = DomainFixture.with("JWT_LEEWAY_SECONDS", "0");
        IssuedToken token = issue(ALICE);
        Instant exp = token.claims().expiresAt();

        fixture.clock.set(exp);
        assertThat(fixture.services.purgeExpired().purge().registryRows()).isZero();
        fixture.clock.set(exp.plusSeconds(1));
        assertThat(fixture.services.purgeExpired().purge().registryRows()).isEqualTo(1);
    }
}
