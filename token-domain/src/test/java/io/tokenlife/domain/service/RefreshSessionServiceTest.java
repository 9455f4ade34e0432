package io.tokenlife.domain.service;

import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.IssuedRefreshToken;
import io.tokenlife.domain.model.IssuedSession;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.RefreshSessionCommand;
import io.tokenlife.domain.port.in.RefreshSessionResult;
import io.tokenlife.domain.port.in.RefreshSessionResult.Why;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.settings.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshSessionServiceTest {
    private static final Instant T = Instant.parse("2025-12-01T00:00:00Z");

    private DomainFixture fixture = withAlice(DomainFixture.with());

    private static DomainFixture withAlice(DomainFixture f) {
        f.users.put(new User("alice@example.com", "Alice", "plain:alice-password", false, true, T, T));
        return f;
    }

    private LoginResult.LoggedIn login() {
        return (LoginResult.LoggedIn) fixture.services.login().login(new LoginCommand("alice@example.com",
                new Secret("alice-password"), TokenSource.LOGIN, "203.0.113.7"));
    }

    private RefreshSessionResult refresh(IssuedRefreshToken token) {
        return refresh(token.value());
    }

    private RefreshSessionResult refresh(String value) {
        return fixture.services.refreshSession().refresh(new RefreshSessionCommand(value, "203.0.113.7"));
    }

    private static IssuedSession refreshed(RefreshSessionResult result) {
        assertThat(result).isInstanceOf(RefreshSessionResult.Refreshed.class);
        return ((RefreshSessionResult.Refreshed) result).session();
    }

    private static Why refusal(RefreshSessionResult result) {
        assertThat(result).isInstanceOf(RefreshSessionResult.Refused.class);
        return ((RefreshSessionResult.Refused) result).why();
    }

    private TokenStatus status(String jti) {
        return fixture.store.find(jti).orElseThrow().status(fixture.clock.instant());
    }

    @Test
    void aLoginStartsAFamilyWithAnOpaqueRefreshTokenStoredOnlyAsItsHash() {
        LoginResult.LoggedIn login = login();

        IssuedRefreshToken refresh = login.refresh().orElseThrow();
        assertThat(refresh.value()).startsWith("tlr_").hasSize(4 + 43).doesNotContain(".");
        assertThat(fixture.store.find(login.token().jti()).orElseThrow().familyId()).isEqualTo(refresh.familyId());
        assertThat(fixture.refreshTokens.tokens(refresh.familyId())).singleElement()
                .satisfies(t -> assertThat(t.tokenHash()).hasSize(64).isNotEqualTo(refresh.value()));
        assertThat(refresh.usableUntil()).isEqualTo(login.token().claims().issuedAt().plus(Duration.ofHours(8)));
    }

    @Test
    void aRefreshMintsANewPairInTheSameFamilyAndSpendsTheOldToken() {
        LoginResult.LoggedIn login = login();
        fixture.clock.advance(Duration.ofMinutes(15));

        IssuedSession next = refreshed(refresh(login.refresh().orElseThrow()));

        assertThat(next.access().jti()).isNotEqualTo(login.token().jti());
        assertThat(next.access().record().source()).isEqualTo(TokenSource.REFRESH);
        assertThat(next.access().record().familyId()).isEqualTo(login.refresh().get().familyId());
        assertThat(next.refresh().orElseThrow().familyId()).isEqualTo(login.refresh().get().familyId());
        assertThat(next.refresh().get().value()).isNotEqualTo(login.refresh().get().value());
        assertThat(fixture.refreshTokens.find(login.refresh().get().id()).orElseThrow().isSpent()).isTrue();
        assertThat(refreshed(refresh(next.refresh().get())).access().record().familyId())
                .isEqualTo(login.refresh().get().familyId());
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        LoginResult.LoggedIn login = login();
        IssuedSession next = refreshed(refresh(login.refresh().orElseThrow()));

        assertThat(refusal(refresh(login.refresh().get()))).isEqualTo(Why.REUSED);

        assertThat(status(login.token().jti())).isEqualTo(TokenStatus.REVOKED);
        assertThat(status(next.access().jti())).isEqualTo(TokenStatus.REVOKED);
        assertThat(refusal(refresh(next.refresh().orElseThrow()))).isEqualTo(Why.REVOKED);
        assertThat(fixture.events.of(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED)).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("family_id", next.refresh().get().familyId())
                        .doesNotContainValue(login.refresh().get().value()));
        assertThat(fixture.events.of(SecurityEventType.TOKEN_FAMILY_REVOKED)).singleElement()
                .satisfies(e -> assertThat(e.fields()).containsEntry("access_tokens_revoked", "2"));
    }

    @Test
    void withinTheGraceWindowThePreviousTokenWorksOnceAndSpendsTheCurrentOne() {
        fixture = withAlice(DomainFixture.with("REFRESH_REUSE_GRACE_SECONDS", "5"));
        LoginResult.LoggedIn login = login();
        IssuedSession first = refreshed(refresh(login.refresh().orElseThrow()));
        fixture.clock.advance(Duration.ofSeconds(2));

        IssuedSession retry = refreshed(refresh(login.refresh().get()));

        assertThat(fixture.refreshTokens.find(first.refresh().orElseThrow().id()).orElseThrow().isSpent()).isTrue();
        assertThat(status(first.access().jti())).isEqualTo(TokenStatus.ACTIVE);
        assertThat(refusal(refresh(login.refresh().get()))).as("a second retry is reuse").isEqualTo(Why.REUSED);
        assertThat(status(retry.access().jti())).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void afterTheGraceWindowThePreviousTokenIsReuse() {
        fixture = withAlice(DomainFixture.with("REFRESH_REUSE_GRACE_SECONDS", "5"));
        LoginResult.LoggedIn login = login();
        IssuedSession first = refreshed(refresh(login.refresh().orElseThrow()));
        fixture.clock.advance(Duration.ofSeconds(5));

        assertThat(refusal(refresh(login.refresh().get()))).isEqualTo(Why.REUSED);
        assertThat(status(first.access().jti())).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void aSessionEndsWhenIdleForTheIdleTimeout() {
        fixture = withAlice(DomainFixture.with("SESSION_IDLE_TIMEOUT", "30"));
        LoginResult.LoggedIn login = login();
        fixture.clock.advance(Duration.ofMinutes(29));
        IssuedSession next = refreshed(refresh(login.refresh().orElseThrow()));
        fixture.clock.advance(Duration.ofMinutes(30));

        assertThat(refusal(refresh(next.refresh().orElseThrow()))).isEqualTo(Why.EXPIRED);
        assertThat(fixture.events.of(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED)).isEmpty();
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        fixture = withAlice(DomainFixture.with("SESSION_MAX_LIFETIME", "60", "SESSION_IDLE_TIMEOUT", "30"));
        LoginResult.LoggedIn login = login();
        IssuedRefreshToken current = login.refresh().orElseThrow();
        for (int i = 0; i < 2; i++) {
            fixture.clock.advance(Duration.ofMinutes(20));
            IssuedSession next = refreshed(refresh(current));
            current = next.refresh().orElseThrow();
            assertThat(current.usableUntil()).isBeforeOrEqualTo(login.token().claims().issuedAt().plus(Duration.ofHours(1)));
        }
        fixture.clock.advance(Duration.ofMinutes(20));
        assertThat(refusal(refresh(current))).isEqualTo(Why.EXPIRED);
    }

    @Test
    void aRevokeAllOfTheSubjectEndsItsFamilies() {
        LoginResult.LoggedIn login = login();
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.services.revokeAllTokens().revokeAll(new RevokeAllTokensCommand(Actor.operator("cli:ops"),
                Optional.of("alice@example.com"), Optional.empty(), Optional.of("incident")));

        assertThat(refusal(refresh(login.refresh().orElseThrow()))).isEqualTo(Why.REVOKED);
        LoginResult.LoggedIn again = login();
        assertThat(refreshed(refresh(again.refresh().orElseThrow()))).isNotNull();
    }

    @Test
    void aDisabledUserCannotRefresh() {
        LoginResult.LoggedIn login = login();
        fixture.users.put(new User("alice@example.com", "Alice", "plain:alice-password", false, false, T, T));

        assertThat(refusal(refresh(login.refresh().orElseThrow()))).isEqualTo(Why.USER_INACTIVE);
    }

    @Test
    void unknownMalformedAndEmptyTokensAreRefused() {
        login();
        assertThat(refusal(refresh("tlr_unknownvalue"))).isEqualTo(Why.UNKNOWN);
        assertThat(refusal(refresh("   "))).isEqualTo(Why.MALFORMED);
        assertThat(refusal(refresh("x".repeat(10_000)))).isEqualTo(Why.MALFORMED);
    }

    @Test
    void whenTheStoreFailsNothingIsRotated() {
        LoginResult.LoggedIn login = login();
        fixture.refreshTokens.failWith(new StoreUnavailableException("down", null));
        try {
            refresh(login.refresh().orElseThrow());
        } catch (StoreUnavailableException expected) {
            // the edge answers 503
        }
        fixture.refreshTokens.failWith(null);

        assertThat(fixture.refreshTokens.find(login.refresh().get().id()).orElseThrow().isSpent()).isFalse();
        assertThat(refreshed(refresh(login.refresh().get()))).isNotNull();
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        LoginResult.LoggedIn login = login();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RefreshSessionResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return refresh(login.refresh().orElseThrow());
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<RefreshSessionResult> r : results) {
                winners += r.get(30, TimeUnit.SECONDS) instanceof RefreshSessionResult.Refreshed ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOwnerOrAdminRevokesAFamilyAnyoneElseSeesNothing() {
        LoginResult.LoggedIn login = login();
        String family = login.refresh().orElseThrow().familyId();
        Actor mallory = new Actor("mallory@example.com", false, Actor.Kind.SESSION_TOKEN);

        assertThat(fixture.services.families().revoke(new RevokeFamilyCommand(mallory, new FamilyRef.ById(family),
                Optional.empty()))).isInstanceOf(RevokeFamilyResult.NotVisible.class);
        assertThat(status(login.token().jti())).isEqualTo(TokenStatus.ACTIVE);

        RevokeFamilyResult revoked = fixture.services.families().revoke(new RevokeFamilyCommand(
                Actor.operator("cli:ops"), new FamilyRef.ById(family), Optional.of("lost laptop")));

        assertThat(revoked).isEqualTo(new RevokeFamilyResult.Revoked(family, "alice@example.com", 1));
        assertThat(status(login.token().jti())).isEqualTo(TokenStatus.REVOKED);
        assertThat(refusal(refresh(login.refresh().get()))).isEqualTo(Why.REVOKED);
    }
}
