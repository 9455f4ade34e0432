package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalCutoffTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private final GlobalCutoff kind = new GlobalCutoff();

    @Test
    void withoutACutoffNothingIsRevokedNotEvenATokenWithoutIssuedAt() {
        assertThat(kind.check(RevocationQuery.of("j", "alice@example.com", null))).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void revokesEveryTokenIssuedUntilTheLatestCutoff() {
        kind.apply(new GlobalCutoff.Cutoff(AT.toEpochMilli()));
        kind.apply(new GlobalCutoff.Cutoff(AT.minusSeconds(60).toEpochMilli()));

        assertThat(kind.check(RevocationQuery.of("j", "anyone@example.com", AT.minusSeconds(30)))).isEqualTo(GlobalCutoff.REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", null, null))).isEqualTo(GlobalCutoff.REVOKED);
        assertThat(kind.check(RevocationQuery.of("j", "anyone@example.com", AT.plusMillis(1)))).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void leavesOtherKindsOfChangeToTheirKind() {
        assertThat(kind.apply(new SubjectCutoffs.Cutoff("alice@example.com", AT.toEpochMilli()))).isFalse();
        assertThat(kind.check(RevocationQuery.of(null, "alice@example.com", AT))).isEqualTo(RevocationState.NOT_REVOKED);
    }
}
