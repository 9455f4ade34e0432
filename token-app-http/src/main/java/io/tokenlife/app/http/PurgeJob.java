package io.tokenlife.app.http;

import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Purges expired registry rows and revocations on a schedule; a failed run is retried at the next one. */
final class PurgeJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);

    private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tokenlife-purge");
        t.setDaemon(true);
        return t;
    });

    PurgeJob(PurgeExpiredUseCase purge, Duration interval) {
        long every = interval.toSeconds();
        jobs.scheduleWithFixedDelay(() -> {
            try {
                PurgeExpiredUseCase.PurgeResult result = purge.purge();
                if (result.registryRows() + result.revocations() + result.refreshTokens() > 0) {
                    LOG.info("purged {} expired registry rows, {} expired revocations and {} expired refresh tokens",
                            result.registryRows(), result.revocations(), result.refreshTokens());
                }
            } catch (RuntimeException e) {
                LOG.warn("purge of expired tokens failed, retrying in {} s: {}", every, e.toString());
            }
        }, every, every, TimeUnit.SECONDS);
    }

    /** Lets a run in progress finish (up to 5 s). */
    @Override
    public void close() {
        BackgroundJobs.stop(jobs);
    }
}
