package io.tokenlife.domain.revocation;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidKeysTest {
    @Test
    void readsACanonicalUuidAsItsTwoHalves() {
        for (int i = 0; i < 1000; i++) {
            UUID uuid = UUID.randomUUID();
            String s = uuid.toString();

            assertThat(UuidKeys.isCanonical(s)).isTrue();
            assertThat(UuidKeys.high(s)).isEqualTo(uuid.getMostSignificantBits());
            assertThat(UuidKeys.low(s)).isEqualTo(uuid.getLeastSignificantBits());
        }
    }

    @Test
    void anythingElseIsNotCanonical() {
        String good = "0b7a5c1e-3f2d-4c8b-9a61-5e4d3c2b1a09";
        assertThat(UuidKeys.isCanonical(good)).isTrue();
        assertThat(UuidKeys.isCanonical(good.toUpperCase())).isFalse();
        assertThat(UuidKeys.isCanonical(good.replace('-', '_'))).isFalse();
        assertThat(UuidKeys.isCanonical(good.substring(1))).isFalse();
        assertThat(UuidKeys.isCanonical(good.replace('b', 'g'))).isFalse();
        assertThat(UuidKeys.isCanonical(good.replace('b', '\u0162'))).isFalse();
        assertThat(UuidKeys.isCanonical(good.replace('b', (char) ('b' + 128)))).isFalse();
        assertThat(UuidKeys.isCanonical(null)).isFalse();
    }
}
