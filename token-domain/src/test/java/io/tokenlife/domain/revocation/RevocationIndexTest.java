package io.tokenlife.domain.revocation;

import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.SubjectCutoffs;
import io.tokenlife.domain.revocation.JtiRevocations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevocationIndexTest {
    private static final long FAR = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
    private final RevocationIndex index = new RevocationIndex();

    @Test
    void findsEveryRevokedUuidThroughGrowthAndNoneOfTheOthers() {
        Random random = new Random(42);
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String jti = new UUID(random.nextLong(), random.nextLong()).toString();
            revoked.add(jti);
            index.apply(new JtiRevocations.Revoked(jti, FAR));
        }

        assertThat(revoked).allMatch(jti -> index.check(jti, null, null).isRevoked());
        for (int i = 0; i < 50_000; i++) {
            assertThat(index.check(new UUID(random.nextLong(), random.nextLong()).toString(), null, null).isRevoked()).isFalse();
        }
        assertThat(index.jtiCount()).isEqualTo(50_000);
    }

    @Test
    void jtisCompareAsStringsSoAnUpperCaseUuidIsAnotherJti() {
        String lower = "0b7a5c1e-3f2d-4c8b-9a61-5e4d3c2b1a09";
        index.apply(new JtiRevocations.Revoked(lower.toUpperCase(), FAR));

        assertThat(index.check(lower.toUpperCase(), null, null).isRevoked()).isTrue();
        assertThat(index.check(lower, null, null).isRevoked()).isFalse();
    }

    @Test
    void jtisThatAreNotUuidsAndTheNilUuidAreHeldToo() {
        index.apply(new JtiRevocations.Revoked("token-7", FAR));
        index.apply(new JtiRevocations.Revoked("00000000-0000-0000-0000-000000000000", FAR));

        assertThat(index.check("token-7", null, null)).isEqualTo(JtiRevocations.REVOKED);
        assertThat(index.check("00000000-0000-0000-0000-000000000000", null, null)).isEqualTo(JtiRevocations.REVOKED);
        assertThat(index.check("token-8", null, null)).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void dropsOnlyEntriesWhoseTokensExpiredBeforeTheInstantAndCanTakeThemBack() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        String forever = UUID.randomUUID().toString();
        index.apply(new JtiRevocations.Revoked(old, 1_000_000));
        index.apply(new JtiRevocations.Revoked(young, 9_000_000));
        index.apply(new JtiRevocations.Revoked(forever, Long.MAX_VALUE));
        index.apply(new JtiRevocations.Revoked("other-old", 1_000_000));

        assertThat(index.dropExpiredBefore(Instant.ofEpochMilli(5_000_000))).isEqualTo(2);

        assertThat(index.check(old, null, null).isRevoked()).isFalse();
        assertThat(index.check("other-old", null, null).isRevoked()).isFalse();
        assertThat(index.check(young, null, null).isRevoked()).isTrue();
        assertThat(index.check(forever, null, null).isRevoked()).isTrue();
        index.apply(new JtiRevocations.Revoked(old, 9_000_000));
        assertThat(index.check(old, null, null).isRevoked()).isTrue();
        assertThat(index.jtiCount()).isEqualTo(3);
    }

    @Test
    void anEntryIsNeverDroppedBeforeItsExpiry() {
        String jti = UUID.randomUUID().toString();
        index.apply(new JtiRevocations.Revoked(jti, 5_000_500));

        assertThat(index.dropExpiredBefore(Instant.ofEpochMilli(5_000_500))).isZero();
        assertThat(index.check(jti, null, null).isRevoked()).isTrue();
    }

    @Test
    void manyRemovalsCompactTheTableWithoutLosingLiveEntries() {
        List<String> live = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10_000; i++) {
                index.apply(new JtiRevocations.Revoked(UUID.randomUUID().toString(), round * 1000L));
            }
            String keep = UUID.randomUUID().toString();
            live.add(keep);
            index.apply(new JtiRevocations.Revoked(keep, Long.MAX_VALUE));
            index.dropExpiredBefore(Instant.ofEpochMilli(round * 1000L + 1));
        }

        assertThat(live).allMatch(jti -> index.check(jti, null, null).isRevoked());
        assertThat(index.jtiCount()).isEqualTo(5);
    }

    @Test
    void cutoffsCoverTokensIssuedAtOrBeforeThemAndOnlyMoveForward() {
        long cutoff = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        index.apply(new SubjectCutoffs.Cutoff("Alice@Example.com", cutoff));
        index.apply(new SubjectCutoffs.Cutoff("alice@example.com", cutoff - 10_000));
        index.apply(new GlobalCutoff.Cutoff(cutoff - 60_000));
        index.apply(new GlobalCutoff.Cutoff(cutoff - 120_000));

        Instant at = Instant.ofEpochMilli(cutoff);
        assertThat(index.check(null, "alice@example.com", at)).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(index.check(null, "ALICE@example.com", at)).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(index.check(null, "alice@example.com", at.plusMillis(1))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check(null, "bob@example.com", at.minusSeconds(60))).isEqualTo(GlobalCutoff.REVOKED);
        assertThat(index.check(null, "bob@example.com", at.minusSeconds(59))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check(null, "bob@example.com", null)).isEqualTo(GlobalCutoff.REVOKED);
    }

    @Test
    void readersOnOtherThreadsNeverMissAnEntryWhileTheTableGrowsAndCompacts() throws Exception {
        List<String> permanent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String jti = UUID.randomUUID().toString();
            permanent.add(jti);
            index.apply(new JtiRevocations.Revoked(jti, Long.MAX_VALUE));
        }
        java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            for (int pass = 0; pass < 200; pass++) {
                for (String jti : permanent) {
                    if (!index.check(jti, null, null).isRevoked()) {
                        misses.incrementAndGet();
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 100_000; i++) {
            index.apply(new JtiRevocations.Revoked(UUID.randomUUID().toString(), 1_000));
            if (i % 20_000 == 0) {
                index.dropExpiredBefore(Instant.ofEpochMilli(2_000));
            }
        }
        reader.join();

        assertThat(misses.get()).isZero();
    }

    @Test
    void theFirstKindThatRevokesDecidesAndSaysWhy() {
        index.apply(new JtiRevocations.Revoked("j1", FAR));
        index.apply(new GlobalCutoff.Cutoff(FAR));

        RevocationState both = index.check("j1", "alice@example.com", Instant.EPOCH);
        assertThat(both).isEqualTo(JtiRevocations.REVOKED);
        assertThat(both.detail()).isEqualTo("the token has been revoked");
        assertThat(index.check("j2", "alice@example.com", Instant.EPOCH).detail())
                .isEqualTo("every token issued before a platform-wide revoke-all has been revoked");
    }

    @Test
    void aChangeNoKindKnowsIsAFaultNotSilentlyDropped() {
        RevocationChange unknown = new RevocationChange() { };

        assertThatThrownBy(() -> index.apply(unknown)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewIndexIsNotInSyncUntilItsKeeperSaysSoAndAStandaloneOneIs() {
        assertThat(index.inSync()).isFalse();
        assertThat(RevocationIndex.standalone().inSync()).isTrue();
    }
}
