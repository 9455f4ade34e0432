package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.RevocationIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the index current with revocations made by other processes, on one background thread: LISTEN
 * ({@link RevocationListener}), the full load and then the catch-up by sequence number
 * ({@link RevocationCatchUp}), and the expiry sweep ({@link ExpirySweep}); managed signing keys are
 * watched on the same path ({@link SigningKeyWatch}). On PostgreSQL a notification
 * wakes the catch-up at once; the periodic catch-up repairs a lost notification or a reconnect, and is all
 * H2 needs. Survives database failures: {@link RevocationIndex#inSync()} is false until a catch-up succeeds again.
 */
final class RevocationSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationSync.class);

    private final RevocationListener listener;
    private final RevocationCatchUp catchUp;
    private final ExpirySweep sweep;
    private final SigningKeyWatch keys;
    private volatile boolean running;
    private Thread thread;

    RevocationSync(Database db, RevocationIndex index, PersistenceOptions options, Clock clock, Duration leeway,
                   SigningKeyWatch keys) {
        this.keys = keys;
        this.listener = new RevocationListener(db, options);
        this.catchUp = new RevocationCatchUp(db, index, clock, leeway);
        this.sweep = new ExpirySweep(index, options.sweepInterval(), clock, leeway);
    }

    /** Loads every live revocation, then starts the background thread. Throws when the database is down. */
    synchronized void start() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        listener.listenBeforeLoad();
        int loaded;
        try {
            loaded = catchUp.loadAll();
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        LOG.info("revocation index loaded: {} jti revocations in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
        running = true;
        thread = new Thread(this::run, "tokenlife-revocation-sync");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                listener.awaitChange(catchUp::applyNotified, keys::notified);
                if (running) {
                    catchUp.run();
                    keys.catchUp();
                    sweep.runIfDue();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long lastSeen() {
        return catchUp.lastSeen();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        listener.close();
    }
}
