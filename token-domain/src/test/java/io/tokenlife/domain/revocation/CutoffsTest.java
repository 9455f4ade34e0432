package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CutoffsTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00.250Z");
    private static final long CUTOFF = AT.toEpochMilli();

    @Test
    void aTokenIssuedAtOrBeforeTheCutoffIsCoveredAndOneIssuedAfterIsNot() {
        assertThat(Cutoffs.covers(CUTOFF, AT.minusSeconds(1))).isTrue();
        assertThat(Cutoffs.covers(CUTOFF, AT)).isTrue();
        assertThat(Cutoffs.covers(CUTOFF, AT.plusMillis(1))).isFalse();
    }

    @Test
    void aTokenWithoutIssuedAtIsCoveredByAnyCutoffButNotByNone() {
        assertThat(Cutoffs.covers(CUTOFF, null)).isTrue();
        assertThat(Cutoffs.covers(Cutoffs.NONE, null)).isFalse();
        assertThat(Cutoffs.covers(Cutoffs.NONE, Instant.EPOCH)).isFalse();
    }

    @Test
    void onlyALaterCutoffReplacesTheOneHeld() {
        assertThat(Cutoffs.replaces(CUTOFF + 1, CUTOFF)).isTrue();
        assertThat(Cutoffs.replaces(CUTOFF, CUTOFF)).isFalse();
        assertThat(Cutoffs.replaces(CUTOFF - 1, CUTOFF)).isFalse();
        assertThat(Cutoffs.replaces(CUTOFF, Cutoffs.NONE)).isTrue();
    }
}
