package io.tokenlife.domain.contract;

import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.SubjectCutoffs;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of the registry, revocation store and revocation index, run against every adapter:
 * the in-memory fake, H2 and PostgreSQL. A subclass gives fresh, empty stores for each test.
 */
public abstract class TokenStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** The three ports of one stack, sharing state as they do in production. */
    public record Stores(IssuedTokenStore registry, RevocationStore revocations, RevocationIndex index) {
    }

    protected abstract Stores freshStores();

    protected Stores stores;

    @BeforeEach
    void createStores() {
        stores = freshStores();
    }

    protected static TokenRecord token(String jti, String subject, Instant issuedAt, Instant expiresAt) {
        return new TokenRecord(jti, subject, TokenSource.API, TokenUse.API, "name-" + jti, "read write",
                issuedAt, expiresAt, null, null, null, null);
    }

    protected static TokenRecord signedBy(String kid, String jti, Instant issuedAt, Instant expiresAt) {
        return new TokenRecord(jti, "alice@example.com", TokenSource.API, TokenUse.API, null, null, issuedAt, expiresAt,
                null, null, null, null, kid);
    }

    @Test
    void recordsTheKidOfTheKeyThatSignedAToken() {
        stores.registry().record(signedBy("kid-a", "k-1", T0, T0.plusSeconds(60)));
        stores.registry().record(token("k-2", "alice@example.com", T0, T0.plusSeconds(60)));

        assertThat(stores.registry().find("k-1").orElseThrow().keyId()).isEqualTo("kid-a");
        assertThat(stores.registry().find("k-2").orElseThrow().keyId()).isNull();
    }

    @Test
    void keyUsageCountsOnlyTheLiveTokensOfThatKeyAndTheirLastExpiry() {
        stores.registry().record(signedBy("kid-a", "a-1", T0, T0.plusSeconds(100)));
        stores.registry().record(signedBy("kid-a", "a-2", T0, T0.plusSeconds(500)));
        stores.registry().record(signedBy("kid-a", "a-expired", T0, T0.plusSeconds(5)));
        stores.registry().record(signedBy("kid-a", "a-revoked", T0, T0.plusSeconds(900)));
        stores.revocations().revoke(new Revocation("a-revoked", "alice@example.com", T0.plusSeconds(1), "admin@example.com",
                "test", T0.plusSeconds(900)));
        stores.registry().record(signedBy("kid-b", "b-1", T0, null));
        Instant now = T0.plusSeconds(10);

        assertThat(stores.registry().keyUsage("kid-a", now))
                .isEqualTo(new KeyUsage("kid-a", 2, Optional.of(T0.plusSeconds(500)), false));
        assertThat(stores.registry().keyUsage("kid-b", now))
                .isEqualTo(new KeyUsage("kid-b", 1, Optional.empty(), true));
        assertThat(stores.registry().keyUsage("kid-a", T0.plusSeconds(500)))
                .isEqualTo(KeyUsage.unused("kid-a"));
        assertThat(stores.registry().keyUsage("kid-unknown", now)).isEqualTo(KeyUsage.unused("kid-unknown"));
    }

    @Test
    void recordsTheFamilyOfASessionTokenAndListsByFamily() {
        TokenRecord inFamily = new TokenRecord("jti-f1", "alice@example.com", TokenSource.REFRESH, TokenUse.SESSION, null,
                null, T0, T0.plus(Duration.ofMinutes(20)), null, null, null, null, null, "family-1");
        stores.registry().record(inFamily);
        stores.registry().record(token("jti-other", "alice@example.com", T0, T0.plus(Duration.ofHours(1))));

        assertThat(stores.registry().find("jti-f1")).contains(inFamily);
        TokenQuery byFamily = TokenQuery.all().withFamily("family-1");
        assertThat(stores.registry().list(byFamily, T0).items()).extracting(TokenRecord::jti).containsExactly("jti-f1");
        assertThat(stores.registry().count(byFamily, T0)).isEqualTo(1);
        assertThat(stores.registry().list(TokenQuery.all().withFamily("family-2"), T0).items()).isEmpty();
    }

    @Test
    void recordsATokenAndFindsItByJti() {
        TokenRecord t = token("jti-1", "alice@example.com", T0, T0.plus(Duration.ofHours(1)));
        stores.registry().record(t);

        assertThat(stores.registry().find("jti-1")).contains(t);
        assertThat(stores.registry().find("other")).isEmpty();
    }

    @Test
    void refusesASecondTokenWithTheSameJti() {
        stores.registry().record(token("dup", "alice@example.com", T0, T0.plusSeconds(60)));

        assertThatThrownBy(() -> stores.registry().record(token("dup", "bob@example.com", T0, T0.plusSeconds(60))))
                .isInstanceOf(IssuedTokenStore.DuplicateJtiException.class);
        assertThat(stores.registry().find("dup").orElseThrow().subject()).isEqualTo("alice@example.com");
    }

    @Test
    void revokingAJtiIsSeenByTheIndexAtOnceAndMarksTheRegistryRow() {
        stores.registry().record(token("jti-r", "alice@example.com", T0, T0.plusSeconds(3600)));

        boolean newly = stores.revocations().revoke(
                new Revocation("jti-r", "alice@example.com", T0.plusSeconds(5), "admin@example.com", "leaked",
                        T0.plusSeconds(3600)));

        assertThat(newly).isTrue();
        assertThat(stores.index().check("jti-r", "alice@example.com", T0)).isEqualTo(JtiRevocations.REVOKED);
        TokenRecord row = stores.registry().find("jti-r").orElseThrow();
        assertThat(row.revokedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(row.revokedBy()).isEqualTo("admin@example.com");
        assertThat(row.reason()).isEqualTo("leaked");
        assertThat(row.status(T0.plusSeconds(10))).isEqualTo(TokenStatus.REVOKED);
    }

    @Test
    void revokingTwiceIsNotAnErrorAndKeepsTheFirstRevocation() {
        stores.registry().record(token("jti-2", "alice@example.com", T0, T0.plusSeconds(3600)));
        Revocation first = new Revocation("jti-2", "alice@example.com", T0.plusSeconds(1), "a@example.com", "one", null);
        Revocation second = new Revocation("jti-2", "alice@example.com", T0.plusSeconds(2), "b@example.com", "two", null);

        assertThat(stores.revocations().revoke(first)).isTrue();
        assertThat(stores.revocations().revoke(second)).isFalse();
        assertThat(stores.registry().find("jti-2").orElseThrow().reason()).isEqualTo("one");
    }

    @Test
    void aJtiTheRegistryNeverSawIsStillRevoked() {
        assertThat(stores.revocations().revoke(
                new Revocation("minted-elsewhere", null, T0, "admin@example.com", null, T0.plusSeconds(60)))).isTrue();

        assertThat(stores.index().check("minted-elsewhere", "x@example.com", T0)).isEqualTo(JtiRevocations.REVOKED);
        assertThat(stores.index().check("another", "x@example.com", T0)).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void aSubjectCutoffRevokesThatSubjectsTokensIssuedAtOrBeforeIt() {
        Instant cutoff = T0.plusSeconds(100);
        stores.registry().record(token("before", "alice@example.com", T0, T0.plusSeconds(3600)));
        stores.registry().record(token("at", "alice@example.com", cutoff, cutoff.plusSeconds(3600)));
        stores.registry().record(token("after", "alice@example.com", cutoff.plusSeconds(1), cutoff.plusSeconds(3600)));
        stores.registry().record(token("bob", "bob@example.com", T0, T0.plusSeconds(3600)));

        stores.revocations().revokeAll(RevocationCutoff.forSubject("Alice@Example.com", cutoff, "admin@example.com", "offboarded"));

        RevocationIndex index = stores.index();
        assertThat(index.check("before", "alice@example.com", T0)).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(index.check("at", "alice@example.com", cutoff)).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(index.check("after", "alice@example.com", cutoff.plusSeconds(1))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check("bob", "bob@example.com", T0)).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check("no-iat", "alice@example.com", null)).isEqualTo(SubjectCutoffs.REVOKED);

        assertThat(stores.registry().find("before").orElseThrow().revokedAt()).isNotNull();
        assertThat(stores.registry().find("at").orElseThrow().reason()).isEqualTo("offboarded");
        assertThat(stores.registry().find("after").orElseThrow().revokedAt()).isNull();
        assertThat(stores.registry().find("bob").orElseThrow().revokedAt()).isNull();
    }

    @Test
    void anEarlierCutoffNeverUndoesALaterOne() {
        Instant later = T0.plusSeconds(500);
        stores.revocations().revokeAll(RevocationCutoff.forSubject("alice@example.com", later, "a", null));
        stores.revocations().revokeAll(RevocationCutoff.forSubject("alice@example.com", T0, "a", null));
        stores.revocations().revokeAll(RevocationCutoff.global(later, "a", null));
        stores.revocations().revokeAll(RevocationCutoff.global(T0, "a", null));

        assertThat(stores.index().check(null, "alice@example.com", T0.plusSeconds(400)))
                .isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(stores.index().check(null, "carol@example.com", T0.plusSeconds(400)))
                .isEqualTo(GlobalCutoff.REVOKED);
        assertThat(stores.index().check(null, "carol@example.com", later.plusSeconds(1)))
                .isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void aGlobalCutoffRevokesEveryonesOlderTokens() {
        stores.registry().record(token("a1", "alice@example.com", T0, T0.plusSeconds(3600)));
        stores.registry().record(token("b1", "bob@example.com", T0.plusSeconds(10), T0.plusSeconds(3600)));
        stores.registry().record(token("b2", "bob@example.com", T0.plusSeconds(30), T0.plusSeconds(3600)));

        stores.revocations().revokeAll(RevocationCutoff.global(T0.plusSeconds(20), "admin@example.com", "incident"));

        assertThat(stores.index().check("a1", "alice@example.com", T0)).isEqualTo(GlobalCutoff.REVOKED);
        assertThat(stores.index().check("b1", "bob@example.com", T0.plusSeconds(10))).isEqualTo(GlobalCutoff.REVOKED);
        assertThat(stores.index().check("b2", "bob@example.com", T0.plusSeconds(30))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(stores.registry().find("b1").orElseThrow().revokedAt()).isNotNull();
        assertThat(stores.registry().find("b2").orElseThrow().revokedAt()).isNull();
    }

    @Test
    void listsNewestFirstWithFiltersAndPagesThatCoverEveryRowOnce() {
        for (int i = 0; i < 25; i++) {
            String subject = i % 2 == 0 ? "alice@example.com" : "bob@example.com";
            stores.registry().record(token(String.format("t%02d", i), subject, T0.plusSeconds(i),
                    i < 5 ? T0.plusSeconds(50) : T0.plusSeconds(10_000)));
        }
        stores.revocations().revoke(new Revocation("t10", "alice@example.com", T0.plusSeconds(60), "a", null, null));
        Instant now = T0.plusSeconds(100);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<TokenRecord> page = stores.registry().list(
                    new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(), cursor, 7), now);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            page.items().forEach(t -> seen.add(t.jti()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("t24");
        assertThat(seen.get(24)).isEqualTo("t00");

        Page<TokenRecord> alice = stores.registry().list(TokenQuery.all().withSubject("ALICE@example.com"), now);
        assertThat(alice.items()).hasSize(13).allMatch(t -> t.subject().equals("alice@example.com"));

        assertThat(jtis(TokenStatus.REVOKED, now)).containsExactly("t10");
        assertThat(jtis(TokenStatus.EXPIRED, now)).containsExactlyInAnyOrder("t00", "t01", "t02", "t03", "t04");
        assertThat(jtis(TokenStatus.ACTIVE, now)).hasSize(19).doesNotContain("t10", "t00");

        Page<TokenRecord> cli = stores.registry().list(new TokenQuery(Optional.empty(), Optional.empty(),
                Optional.of(TokenSource.CLI), Optional.empty(), 100), now);
        assertThat(cli.items()).isEmpty();
        assertThat(cli.next()).isEmpty();
    }

    @Test
    void searchesByJtiOrByPartOfSubjectOrNameAndFiltersByUse() {
        stores.registry().record(new TokenRecord("deploy-1", "ci-bot@example.com", TokenSource.API, TokenUse.API,
                "Nightly Deploy", null, T0, T0.plusSeconds(10_000), null, null, null, null));
        stores.registry().record(new TokenRecord("s-1", "alice@example.com", TokenSource.ADMIN_UI, TokenUse.SESSION,
                null, null, T0.plusSeconds(1), T0.plusSeconds(10_000), null, null, null, null));
        stores.registry().record(new TokenRecord("s-2", "bob@example.com", TokenSource.LOGIN, TokenUse.SESSION,
                "50%_off", null, T0.plusSeconds(2), T0.plusSeconds(10_000), null, null, null, null));
        Instant now = T0.plusSeconds(100);

        assertThat(search("s-1", now)).containsExactly("s-1");
        assertThat(search("ALICE", now)).containsExactly("s-1");
        assertThat(search("deploy", now)).as("name, without regard to case").containsExactly("deploy-1");
        assertThat(search("example.com", now)).containsExactly("s-2", "s-1", "deploy-1");
        assertThat(search("%", now)).as("LIKE wildcards are literal").containsExactly("s-2");
        assertThat(search("_", now)).containsExactly("s-2");
        assertThat(search("s-", now)).as("a jti matches only whole").isEmpty();
        TokenQuery sessions = new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(TokenUse.SESSION), Optional.empty(), Optional.empty(), 100);
        assertThat(stores.registry().list(sessions, now).items()).extracting(TokenRecord::jti)
                .containsExactly("s-2", "s-1");
        assertThat(stores.registry().count(sessions, now)).isEqualTo(2);
    }

    private List<String> search(String text, Instant now) {
        TokenQuery query = new TokenQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(text), Optional.empty(), 100);
        List<String> page = stores.registry().list(query, now).items().stream().map(TokenRecord::jti).toList();
        assertThat(stores.registry().count(query, now)).as("count agrees with list").isEqualTo(page.size());
        return page;
    }

    @Test
    void countsLiveTokensBySourceAndUseAndRecentRevocations() {
        Instant now = T0.plusSeconds(100);
        stores.registry().record(new TokenRecord("a1", "alice@example.com", TokenSource.API, TokenUse.API, "n", null,
                T0, T0.plusSeconds(10_000), null, null, null, null));
        stores.registry().record(new TokenRecord("a2", "alice@example.com", TokenSource.API, TokenUse.API, "n", null,
                T0, T0.plusSeconds(50), null, null, null, null));
        stores.registry().record(new TokenRecord("l1", "alice@example.com", TokenSource.LOGIN, TokenUse.SESSION, null,
                null, T0, T0.plusSeconds(10_000), null, null, null, null));
        stores.registry().record(new TokenRecord("l2", "bob@example.com", TokenSource.LOGIN, TokenUse.SESSION, null,
                null, T0, null, null, null, null, null));
        stores.registry().record(new TokenRecord("l3", "bob@example.com", TokenSource.LOGIN, TokenUse.SESSION, null,
                null, T0, T0.plusSeconds(10_000), null, null, null, null));
        stores.revocations().revoke(new Revocation("l3", "bob@example.com", T0.plusSeconds(90), "a", null, null));
        stores.revocations().revoke(new Revocation("a1", "alice@example.com", T0.plusSeconds(10), "a", null, null));

        TokenCounts counts = stores.registry().counts(now, T0.plusSeconds(60));

        assertThat(counts.liveBySource()).containsEntry(TokenSource.LOGIN, 2L).containsEntry(TokenSource.API, 0L)
                .containsEntry(TokenSource.CLI, 0L);
        assertThat(counts.liveByUse()).containsEntry(TokenUse.SESSION, 2L).containsEntry(TokenUse.API, 0L);
        assertThat(counts.live()).isEqualTo(2);
        assertThat(counts.revokedSinceCount()).as("only l3 was revoked after the instant").isEqualTo(1);
        TokenQuery aliceLive = new TokenQuery(Optional.of("alice@example.com"), Optional.of(TokenStatus.ACTIVE),
                Optional.empty(), Optional.empty(), 1);
        assertThat(stores.registry().count(aliceLive, now)).isEqualTo(1);
    }

    private Set<String> jtis(TokenStatus status, Instant now) {
        Page<TokenRecord> page = stores.registry().list(new TokenQuery(Optional.empty(), Optional.of(status),
                Optional.empty(), Optional.empty(), 1000), now);
        Set<String> result = new HashSet<>();
        page.items().forEach(t -> result.add(t.jti()));
        return result;
    }

    @Test
    void purgeRemovesOnlyWhatExpiredBeforeTheInstant() {
        stores.registry().record(token("old", "alice@example.com", T0, T0.plusSeconds(60)));
        stores.registry().record(token("new", "alice@example.com", T0, T0.plusSeconds(6000)));
        stores.registry().record(token("forever", "alice@example.com", T0, null));
        stores.revocations().revoke(new Revocation("old", "alice@example.com", T0, "a", null, T0.plusSeconds(60)));
        stores.revocations().revoke(new Revocation("new", "alice@example.com", T0, "a", null, T0.plusSeconds(6000)));
        stores.revocations().revoke(new Revocation("unknown-exp", null, T0, "a", null, null));

        Instant before = T0.plusSeconds(120);
        assertThat(stores.registry().purgeExpired(before)).isEqualTo(1);
        assertThat(stores.revocations().purgeExpiredRevocations(before)).isEqualTo(1);

        assertThat(stores.registry().find("old")).isEmpty();
        assertThat(stores.registry().find("new")).isPresent();
        assertThat(stores.registry().find("forever")).isPresent();
        assertThat(stores.index().check("old", "alice@example.com", T0)).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(stores.index().check("new", "alice@example.com", T0)).isEqualTo(JtiRevocations.REVOKED);
        assertThat(stores.index().check("unknown-exp", null, T0)).isEqualTo(JtiRevocations.REVOKED);
    }

    @Test
    void timesRoundTripAtLeastToTheMillisecond() {
        Instant issued = T0.plusMillis(123);
        stores.registry().record(token("ms", "alice@example.com", issued, issued.plus(1, ChronoUnit.HOURS)));

        assertThat(stores.registry().find("ms").orElseThrow().issuedAt()).isEqualTo(issued);
    }
}
