package io.tokenlife.domain.service;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UuidJtiGeneratorTest {
    private final UuidJtiGenerator generator = new UuidJtiGenerator();

    @Test
    void aJtiIsTheCanonicalFormOfARandomVersion4Uuid() {
        String jti = generator.newJti();
        UUID uuid = UUID.fromString(jti);
        assertThat(uuid.toString()).isEqualTo(jti);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void jtisDrawnOnManyThreadsAtOnceAreAllDistinct() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(generator.newJti()));
        assertThat(seen).hasSize(20_000);
    }
}
