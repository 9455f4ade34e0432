package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JtiRevocationsTest {
    private final JtiRevocations kind = new JtiRevocations();

    @Test
    void revokesTheJtiWhateverItsSubjectOrIssuedAt() {
        String jti = UUID.randomUUID().toString();
        assertThat(kind.apply(JtiRevocations.Revoked.of(jti, null))).isTrue();

        assertThat(kind.check(RevocationQuery.of(jti, null, null))).isEqualTo(JtiRevocations.REVOKED);
        assertThat(kind.check(RevocationQuery.of(jti, "anyone@example.com", Instant.now()))).isEqualTo(JtiRevocations.REVOKED);
        assertThat(kind.check(RevocationQuery.of(UUID.randomUUID().toString(), null, null))).isEqualTo(RevocationState.NOT_REVOKED);
        assertThat(kind.check(RevocationQuery.of(null, null, null))).isEqualTo(RevocationState.NOT_REVOKED);
    }

    @Test
    void anUnknownExpiryKeepsTheRevocationForeverAndAKnownOneUntilThen() {
        kind.apply(JtiRevocations.Revoked.of("forever", null));
        kind.apply(JtiRevocations.Revoked.of("short", Instant.ofEpochMilli(1_000)));

        assertThat(kind.dropExpiredBefore(2_000)).isEqualTo(1);
        assertThat(kind.check(RevocationQuery.of("forever", null, null)).isRevoked()).isTrue();
        assertThat(kind.check(RevocationQuery.of("short", null, null)).isRevoked()).isFalse();
    }

    @Test
    void leavesOtherKindsOfChangeToTheirKind() {
        assertThat(kind.apply(new GlobalCutoff.Cutoff(0))).isFalse();
    }
}
