package io.tokenlife.app.http;

import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the managed-key schedule on a timer (one replica at a time makes the changes, every replica
 * reloads its ring) and remembers why it last had to wait, for {@code /ready} and the log. A failed run
 * is retried at the next one; signing and validation go on with the keys in memory.
 */
final class KeyScheduleJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyScheduleJob.class);

    private final RunKeyScheduleUseCase schedule;
    private final AtomicReference<Optional<String>> waiting = new AtomicReference<>(Optional.empty());
    private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tokenlife-key-schedule");
        t.setDaemon(true);
        return t;
    });

    KeyScheduleJob(RunKeyScheduleUseCase schedule, Duration interval) {
        this.schedule = schedule;
        long every = Math.max(1, interval.toMillis());
        jobs.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs now on the job's thread (another replica changed a key: reload soon, not at the next tick). */
    void reloadSoon() {
        jobs.execute(() -> record(schedule.reload()));
    }

    /** Why key rotation waits, if it does. */
    Optional<String> waiting() {
        return waiting.get();
    }

    private void runOnce() {
        try {
            record(schedule.run());
        } catch (RuntimeException e) {
            record(RunKeyScheduleUseCase.Report.waiting("the key schedule failed: " + e.getMessage()));
        }
    }

    private void record(RunKeyScheduleUseCase.Report report) {
        Optional<String> before = waiting.getAndSet(report.waiting().filter(w -> !w.startsWith("another replica")));
        if (waiting.get().isPresent() && !waiting.get().equals(before)) {
            LOG.warn("key rotation waits: {}", waiting.get().get());
        } else if (waiting.get().isEmpty() && before.isPresent()) {
            LOG.info("key rotation runs again");
        }
        report.changed().forEach(k -> LOG.info("signing key {} is {} now", k.kid(), k.state().wireName()));
    }

    @Override
    public void close() {
        BackgroundJobs.stop(jobs);
    }
}
