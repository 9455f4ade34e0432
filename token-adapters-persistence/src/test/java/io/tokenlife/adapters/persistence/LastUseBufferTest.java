package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class LastUseBufferTest {
    @Test
    void keepsTheLatestTimePerJti() {
        LastUseBuffer buffer = new LastUseBuffer(10);
        buffer.record("a", 20);
        buffer.record("a", 10);
        buffer.record("b", 5);
        buffer.record("b", 7);

        assertThat(buffer.drain()).isEqualTo(Map.of("a", 20L, "b", 7L));
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void dropsNewJtisBeyondItsCapacityButStillUpdatesBufferedOnes() {
        LastUseBuffer buffer = new LastUseBuffer(2);
        buffer.record("a", 1);
        buffer.record("b", 1);
        buffer.record("c", 1);
        buffer.record("a", 9);

        assertThat(buffer.drain()).isEqualTo(Map.of("a", 9L, "b", 1L));
    }

    @Test
    void aRestoredBatchKeepsTimesRecordedSince() {
        LastUseBuffer buffer = new LastUseBuffer(10);
        buffer.record("a", 5);
        Map<String, Long> failed = buffer.drain();
        buffer.record("a", 8);
        buffer.restore(failed);

        assertThat(buffer.drain()).isEqualTo(Map.of("a", 8L));
    }

    /** Drains racing with updates of the same jti: the latest time always reaches a drained batch. */
    @Test
    void noUpdateIsLostToAConcurrentDrain() throws Exception {
        LastUseBuffer buffer = new LastUseBuffer(10);
        int writers = 4;
        int perWriter = 20_000;
        Map<String, Long> written = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 1; i <= perWriter; i++) {
                    buffer.record("hot", (long) i * writers + id);
                }
            }));
        }
        Thread drainer = new Thread(() -> {
            await(start);
            while (!done.get()) {
                buffer.drain().forEach((jti, at) -> written.merge(jti, at, Math::max));
            }
        });
        threads.forEach(Thread::start);
        drainer.start();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        drainer.join();
        buffer.drain().forEach((jti, at) -> written.merge(jti, at, Math::max));

        assertThat(written).containsEntry("hot", (long) perWriter * writers + writers - 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
