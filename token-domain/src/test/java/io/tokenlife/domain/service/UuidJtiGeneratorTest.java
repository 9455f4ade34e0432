package io.tokenlife.domain.service;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UuidJtiGeneratorTest {
    private final UuidJtiGenerator generator = new UuidJtiGenerator();

    @Test
    void aJtiIsTheCanonicalFormOfAVersion7UuidCarryingTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        String jti = generator.newJti();
        long after = System.currentTimeMillis();
        UUID uuid = UUID.fromString(jti);
        assertThat(uuid.toString()).isEqualTo(jti);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void jtisOfLaterMillisecondsSortAfterEarlierOnesAsStrings() {
        SecureRandom random = new SecureRandom();
        List<String> made = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 5_000; millis += 7) {
            made.add(UuidJtiGenerator.next(millis, random).toString());
        }
        assertThat(made).isSorted();
    }

    @Test
    void theSeventyFourBitsAfterTheTimeAreRandom() {
        SecureRandom random = new SecureRandom();
        long orHigh = 0;
        long andHigh = -1;
        long orLow = 0;
        long andLow = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = UuidJtiGenerator.next(0, random);
            orHigh |= uuid.getMostSignificantBits();
            andHigh &= uuid.getMostSignificantBits();
            orLow |= uuid.getLeastSignificantBits();
            andLow &= uuid.getLeastSignificantBits();
        }
        // every bit of rand_a (12) and rand_b (62) took both values; the version and variant bits never moved
        assertThat(orHigh).isEqualTo(0x7fffL);
        assertThat(andHigh).isEqualTo(0x7000L);
        assertThat(orLow).isEqualTo(0xbfff_ffff_ffff_ffffL);
        assertThat(andLow).isEqualTo(0x8000_0000_0000_0000L);
    }

    @Test
    void jtisDrawnOnManyThreadsAtOnceAreAllDistinct() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(generator.newJti()));
        assertThat(seen).hasSize(20_000);
    }
}
