package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IssuanceStampTest {
    private static final String ALICE = "alice@example.com";
    private static final Instant SECOND = Instant.parse("2026-01-01T10:00:00Z");
    private final RevocationIndex index = RevocationIndex.standalone();

    @Test
    void withoutACutoffATokenIsStampedWithTheWholeSecond() {
        assertThat(IssuanceStamp.issuedAt(index, ALICE, SECOND.plusMillis(700))).isEqualTo(SECOND);
    }

    @Test
    void aCutoffOfAnEarlierSecondChangesNothing() {
        index.apply(new SubjectCutoffs.Cutoff(ALICE, SECOND.minusMillis(1).toEpochMilli()));

        assertThat(IssuanceStamp.issuedAt(index, ALICE, SECOND.plusMillis(700))).isEqualTo(SECOND);
    }

    @Test
    void inTheSecondOfACutoffTheTokenIsStampedToTheMillisecondNotInTheFuture() {
        index.apply(new SubjectCutoffs.Cutoff(ALICE, SECOND.plusMillis(500).toEpochMilli()));
        Instant now = SECOND.plusMillis(700).plusNanos(123_456);

        Instant issuedAt = IssuanceStamp.issuedAt(index, ALICE, now);

        assertThat(issuedAt).isEqualTo(SECOND.plusMillis(700));
        assertThat(issuedAt).isBeforeOrEqualTo(now);
        assertThat(index.check(RevocationQuery.of("new", ALICE, issuedAt)).isRevoked()).isFalse();
        assertThat(index.check(RevocationQuery.of("old", ALICE, SECOND)).isRevoked()).isTrue();
    }

    @Test
    void aPlatformCutoffCountsToo() {
        index.apply(new GlobalCutoff.Cutoff(SECOND.plusMillis(500).toEpochMilli()));

        assertThat(IssuanceStamp.issuedAt(index, "bob@example.com", SECOND.plusMillis(900))).isEqualTo(SECOND.plusMillis(900));
    }

    @Test
    void inTheVeryMillisecondOfTheCutoffTheStampIsOneMillisecondLater() {
        index.apply(new SubjectCutoffs.Cutoff(ALICE, SECOND.plusMillis(500).toEpochMilli()));

        assertThat(IssuanceStamp.issuedAt(index, ALICE, SECOND.plusMillis(500).plusNanos(10))).isEqualTo(SECOND.plusMillis(501));
    }

    @Test
    void aCutoffAheadOfThisClockGivesTheNextWholeSecond() {
        index.apply(new SubjectCutoffs.Cutoff(ALICE, SECOND.plusMillis(999).toEpochMilli()));

        assertThat(IssuanceStamp.issuedAt(index, ALICE, SECOND.plusMillis(200))).isEqualTo(SECOND.plusSeconds(1));
    }
}
