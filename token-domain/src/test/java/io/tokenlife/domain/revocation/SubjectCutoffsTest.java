package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectCutoffsTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private final SubjectCutoffs kind = new SubjectCutoffs();

    @Test
    void revokesOnlyTheSubjectsTokensIssuedUntilItsCutoffWhateverTheCase() {
        assertThat(kind.apply(new SubjectCutoffs.Cutoff("Alice@Example.com", AT.toEpochMilli()))).isTrue();

        assertThat(kind.check(RevocationQuery.of("j", "alice@example.com", AT))).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", "ALICE@example.com", AT.minusSeconds(5)))).isEqualTo(SubjectCutoffs.REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", "alice@example.com", AT.plusSeconds(1)))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", "bob@example.com", AT))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", null, AT))).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void anEarlierCutoffArrivingLateNeverUndoesALaterOne() {
        kind.apply(new SubjectCutoffs.Cutoff("alice@example.com", AT.toEpochMilli()));
        kind.apply(new SubjectCutoffs.Cutoff("alice@example.com", AT.minusSeconds(60).toEpochMilli()));

        assertThat(kind.check(RevocationQuery.of(null, "alice@example.com", AT.minusSeconds(30)))).isEqualTo(SubjectCutoffs.REVOKED);
    }

    @Test
    void leavesOtherKindsOfChangeToTheirKind() {
        assertThat(kind.apply(new GlobalCutoff.Cutoff(AT.toEpochMilli()))).isFalse();
        assertThat(kind.apply(new JtiRevocations.Revoked("j", Long.MAX_VALUE))).isFalse();
        assertThat(kind.check(RevocationQuery.of(null, "alice@example.com", AT))).isEqualTo(RevocationState.NOT_REVOKED);
    }
}
