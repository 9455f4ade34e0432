package io.tokenlife.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the persistence adapter; {@link #defaults()} is what the apps use.
 *
 * @param pollInterval         how often the revocation catch-up runs (and the longest wait for a notification):
 *                             the propagation bound without notifications
 * @param notifications        LISTEN/NOTIFY on PostgreSQL for near-immediate propagation (ignored on H2)
 * @param connectionTimeout    how long an operation waits for a connection before failing with
 *                             {@code StoreUnavailableException}
 * @param touchFlushInterval   how often buffered last-use times are written
 * @param sweepInterval        how often the index drops revocations of tokens that have expired
 * @param userCacheTtl         how often the users held in memory catch up on other processes' writes (this
 *                             process's own writes are held at once)
 */
public record PersistenceOptions(Duration pollInterval, boolean notifications, Duration connectionTimeout,
                                 Duration touchFlushInterval, Duration sweepInterval, Duration userCacheTtl) {
    public PersistenceOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(touchFlushInterval, "touchFlushInterval");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(userCacheTtl, "userCacheTtl");
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("pollInterval must be at least 10 ms");
        }
    }

    public static PersistenceOptions defaults() {
        return new PersistenceOptions(Duration.ofMillis(250), true, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    public PersistenceOptions withNotifications(boolean on) {
        return new PersistenceOptions(pollInterval, on, connectionTimeout, touchFlushInterval, sweepInterval, userCacheTtl);
    }

    public PersistenceOptions withPollInterval(Duration interval) {
        return new PersistenceOptions(interval, notifications, connectionTimeout, touchFlushInterval, sweepInterval,
                userCacheTtl);
    }
}
