package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.RevocationState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryRevocationIndexTest {
    private static final long FAR = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
    private final MemoryRevocationIndex index = new MemoryRevocationIndex();

    @Test
    void findsEveryRevokedUuidThroughGrowthAndNoneOfTheOthers() {
        Random random = new Random(42);
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String jti = new UUID(random.nextLong(), random.nextLong()).toString();
            revoked.add(jti);
            index.addJti(jti, FAR);
        }

        assertThat(revoked).allMatch(index::isJtiRevoked);
        for (int i = 0; i < 50_000; i++) {
            assertThat(index.isJtiRevoked(new UUID(random.nextLong(), random.nextLong()).toString())).isFalse();
        }
        assertThat(index.jtiCount()).isEqualTo(50_000);
    }

    @Test
    void jtisCompareAsStringsSoAnUpperCaseUuidIsAnotherJti() {
        String lower = "0b7a5c1e-3f2d-4c8b-9a61-5e4d3c2b1a09";
        index.addJti(lower.toUpperCase(), FAR);

        assertThat(index.isJtiRevoked(lower.toUpperCase())).isTrue();
        assertThat(index.isJtiRevoked(lower)).isFalse();
    }

    @Test
    void jtisThatAreNotUuidsAndTheNilUuidAreHeldToo() {
        index.addJti("token-7", FAR);
        index.addJti("00000000-0000-0000-0000-000000000000", FAR);

        assertThat(index.check("token-7", null, null)).isEqualTo(RevocationState.JTI_REVOKED);
        assertThat(index.check("00000000-0000-0000-0000-000000000000", null, null)).isEqualTo(RevocationState.JTI_REVOKED);
        assertThat(index.check("token-8", null, null)).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void dropsOnlyEntriesWhoseTokensExpiredBeforeTheInstantAndCanTakeThemBack() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        String forever = UUID.randomUUID().toString();
        index.addJti(old, 1_000_000);
        index.addJti(young, 9_000_000);
        index.addJti(forever, Long.MAX_VALUE);
        index.addJti("other-old", 1_000_000);

        assertThat(index.dropExpiredBefore(5_000_000)).isEqualTo(2);

        assertThat(index.isJtiRevoked(old)).isFalse();
        assertThat(index.isJtiRevoked("other-old")).isFalse();
        assertThat(index.isJtiRevoked(young)).isTrue();
        assertThat(index.isJtiRevoked(forever)).isTrue();
        index.addJti(old, 9_000_000);
        assertThat(index.isJtiRevoked(old)).isTrue();
        assertThat(index.jtiCount()).isEqualTo(3);
    }

    @Test
    void anEntryIsNeverDroppedBeforeItsExpiry() {
        String jti = UUID.randomUUID().toString();
        index.addJti(jti, 5_000_500);

        assertThat(index.dropExpiredBefore(5_000_500)).isZero();
        assertThat(index.isJtiRevoked(jti)).isTrue();
    }

    @Test
    void manyRemovalsCompactTheTableWithoutLosingLiveEntries() {
        List<String> live = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10_000; i++) {
                index.addJti(UUID.randomUUID().toString(), round * 1000L);
            }
            String keep = UUID.randomUUID().toString();
            live.add(keep);
            index.addJti(keep, Long.MAX_VALUE);
            index.dropExpiredBefore(round * 1000L + 1);
        }

        assertThat(live).allMatch(index::isJtiRevoked);
        assertThat(index.jtiCount()).isEqualTo(5);
    }

    @Test
    void cutoffsCoverTokensIssuedAtOrBeforeThemAndOnlyMoveForward() {
        long cutoff = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        index.applySubjectCutoff("Alice@Example.com", cutoff);
        index.applySubjectCutoff("alice@example.com", cutoff - 10_000);
        index.applyGlobalCutoff(cutoff - 60_000);
        index.applyGlobalCutoff(cutoff - 120_000);

        Instant at = Instant.ofEpochMilli(cutoff);
        assertThat(index.check(null, "alice@example.com", at)).isEqualTo(RevocationState.SUBJECT_CUTOFF);
        assertThat(index.check(null, "ALICE@example.com", at)).isEqualTo(RevocationState.SUBJECT_CUTOFF);
        assertThat(index.check(null, "alice@example.com", at.plusMillis(1))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check(null, "bob@example.com", at.minusSeconds(60))).isEqualTo(RevocationState.GLOBAL_CUTOFF);
        assertThat(index.check(null, "bob@example.com", at.minusSeconds(59))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(index.check(null, "bob@example.com", null)).isEqualTo(RevocationState.GLOBAL_CUTOFF);
    }

    @Test
    void readersOnOtherThreadsNeverMissAnEntryWhileTheTableGrowsAndCompacts() throws Exception {
        List<String> permanent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String jti = UUID.randomUUID().toString();
            permanent.add(jti);
            index.addJti(jti, Long.MAX_VALUE);
        }
        java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            for (int pass = 0; pass < 200; pass++) {
                for (String jti : permanent) {
                    if (!index.isJtiRevoked(jti)) {
                        misses.incrementAndGet();
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 100_000; i++) {
            index.addJti(UUID.randomUUID().toString(), 1_000);
            if (i % 20_000 == 0) {
                index.dropExpiredBefore(2_000);
            }
        }
        reader.join();

        assertThat(misses.get()).isZero();
    }
}
