package io.tokenlife.domain.service;

import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.fakes.InMemorySecurityEventLog;
import io.tokenlife.domain.model.RecordedSecurityEvent;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListSecurityEventsResult;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensCommand;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.out.SecurityEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases behind the admin console's overview and security-event pages, over the in-memory fakes. */
class OperatorViewsTest {
    static final Actor ROOT = Actor.operator("root");
    final DomainFixture domain = DomainFixture.with();

    String issue(String subject, TokenSource source, TokenUse use) {
        IssueTokenResult result = domain.services.issueToken().issue(new IssueTokenCommand(subject, source, use,
                use == TokenUse.API ? Expiry.after(Duration.ofDays(2)) : Expiry.byDefault(), Optional.empty(),
                Map.of(), Optional.empty(), use == TokenUse.API ? Optional.of("ci") : Optional.empty()));
        return ((IssueTokenResult.Issued) result).token().jti();
    }

    @Nested
    class Counts {
        final CountTokensUseCase counts = domain.services.countTokens();

        @Test
        void liveTokensAreCountedBySourceAndUseAndExpiredOrRevokedOnesAreNot() {
            issue("alice@example.com", TokenSource.LOGIN, TokenUse.SESSION);
            issue("alice@example.com", TokenSource.API, TokenUse.API);
            String revoked = issue("bob@example.com", TokenSource.ADMIN_UI, TokenUse.SESSION);
            domain.services.revokeToken().revoke(RevokeTokenCommand.byJti(ROOT, revoked, Optional.empty()));

            TokenCounts now = counts.counts();

            assertThat(now.liveBySource()).containsEntry(TokenSource.LOGIN, 1L).containsEntry(TokenSource.API, 1L)
                    .containsEntry(TokenSource.ADMIN_UI, 0L).containsEntry(TokenSource.SSO, 0L);
            assertThat(now.liveByUse()).containsEntry(TokenUse.SESSION, 1L).containsEntry(TokenUse.API, 1L);
            assertThat(now.revokedSinceCount()).isEqualTo(1);
            assertThat(now.revokedSince()).isEqualTo(domain.clock.instant().minus(Duration.ofHours(24)));

            domain.clock.advance(Duration.ofHours(1));
            assertThat(counts.counts().liveByUse()).as("the session tokens (20 min) expired")
                    .containsEntry(TokenUse.SESSION, 0L).containsEntry(TokenUse.API, 1L);
        }

        @Test
        void revocationsOlderThanADayNoLongerCountAsRecent() {
            String jti = issue("alice@example.com", TokenSource.API, TokenUse.API);
            domain.services.revokeToken().revoke(RevokeTokenCommand.byJti(ROOT, jti, Optional.empty()));
            domain.clock.advance(Duration.ofHours(24).plusSeconds(1));

            assertThat(counts.counts().revokedSinceCount()).isZero();
        }

        @Test
        void theLiveTokensOfASubjectAreWhatARevokeAllWouldEnd() {
            issue("alice@example.com", TokenSource.LOGIN, TokenUse.SESSION);
            issue("Alice@Example.com", TokenSource.API, TokenUse.API);
            issue("bob@example.com", TokenSource.LOGIN, TokenUse.SESSION);

            assertThat(counts.liveTokensOf("ALICE@example.com")).isEqualTo(2);
            domain.clock.advance(Duration.ofSeconds(1));
            domain.services.revokeAllTokens().revokeAll(RevokeAllTokensCommand.ofSubject(ROOT, "alice@example.com",
                    Optional.empty()));
            assertThat(counts.liveTokensOf("alice@example.com")).isZero();
            assertThat(counts.liveTokensOf("bob@example.com")).isEqualTo(1);
            assertThatThrownBy(() -> counts.liveTokensOf(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Events {
        final InMemorySecurityEventLog log = new InMemorySecurityEventLog(3, domain.clock);
        final ListSecurityEventsUseCase events = UseCases.wire(new Ports(domain.codec, domain.codec, domain.store,
                domain.store, domain.store.index(), domain.users, new PlainPasswordHasher(), new UuidJtiGenerator(),
                SsoProviders.none(), ExternalTokenVerifier.none(), domain.events, log, domain.clock),
                domain.settings).securityEvents();

        void emit(SecurityEventType type, String field, String subject) {
            log.emit(SecurityEvent.info(type, "test", subject == null ? Map.of() : Map.of(field, subject)));
        }

        @Test
        void newestFirstFilteredByTypeAndSubjectWhateverFieldNamesTheSubject() {
            emit(SecurityEventType.LOGIN_FAILED, "email", "Alice@Example.com");
            emit(SecurityEventType.TOKEN_REVOKED, "subject", "bob@example.com");
            emit(SecurityEventType.PLATFORM_ADMIN_AUTH, "user_id", "alice@example.com");

            assertThat(listed(SecurityEventQuery.latest()).items()).extracting(RecordedSecurityEvent::type)
                    .containsExactly("platform_admin_auth", "token_revoked", "login_failed");
            SecurityEventPage alice = listed(new SecurityEventQuery(Optional.empty(),
                    Optional.of("ALICE@example.com"), Optional.empty(), 10));
            assertThat(alice.items()).extracting(RecordedSecurityEvent::type)
                    .containsExactly("platform_admin_auth", "login_failed");
            SecurityEventPage failed = listed(new SecurityEventQuery(Optional.of("login_failed"),
                    Optional.empty(), Optional.empty(), 10));
            assertThat(failed.items()).singleElement().satisfies(e -> {
                assertThat(e.subject()).isEqualTo("alice@example.com");
                assertThat(e.at()).isEqualTo(domain.clock.instant());
            });
        }

        @Test
        void theLogIsBoundedAndPagesByTheIdOfTheOldestShown() {
            for (int i = 0; i < 5; i++) {
                emit(SecurityEventType.TOKEN_ISSUED, "subject", "user" + i + "@example.com");
            }
            SecurityEventPage first = listed(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                    Optional.empty(), 2));
            assertThat(first.items()).extracting(RecordedSecurityEvent::subject)
                    .containsExactly("user4@example.com", "user3@example.com");
            SecurityEventPage second = listed(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                    first.before(), 2));
            assertThat(second.items()).extracting(RecordedSecurityEvent::subject)
                    .as("capacity 3: the two oldest are gone").containsExactly("user2@example.com");
            assertThat(second.before()).isEmpty();
        }

        @Test
        void anUnknownTypeIsInvalidNamingTheField() {
            assertThat(events.list(new SecurityEventQuery(Optional.of("nope"), Optional.empty(), Optional.empty(), 10)))
                    .isEqualTo(new Invalid(Field.EVENT_TYPE, "'nope' is no security event type"));
        }

        SecurityEventPage listed(SecurityEventQuery query) {
            return ((ListSecurityEventsResult.Listed) events.list(query)).page();
        }

        @Test
        void aFanOutGivesEveryEventToEverySink() {
            InMemorySecurityEventLog other = new InMemorySecurityEventLog(10, domain.clock);
            SecurityEvents both = SecurityEvents.fanOut(log, other);
            both.emit(SecurityEvent.warn(SecurityEventType.CONFIG_WARNING, "w", Map.of("code", "x")));

            assertThat(log.recent(SecurityEventQuery.latest()).items()).singleElement()
                    .satisfies(e -> assertThat(e.subject()).isNull());
            assertThat(other.recent(SecurityEventQuery.latest()).items()).hasSize(1);
        }
    }
}
