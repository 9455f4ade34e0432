package io.tokenlife.adapters.persistence;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * Keeps the index current with revocations made by other processes: a full load at start, then every
 * revocation with a sequence number above the last one seen. On PostgreSQL a LISTEN connection wakes the
 * catch-up at once; the periodic catch-up repairs a lost notification or a reconnect, and is all H2 needs.
 * Survives database failures: {@link MemoryRevocationIndex#inSync()} is false until a catch-up succeeds again.
 */
final class RevocationSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationSync.class);
    private static final int LOAD_FETCH_SIZE = 10_000;

    private final Database db;
    private final MemoryRevocationIndex index;
    private final PersistenceOptions options;
    private final Clock clock;
    private final Duration leeway;
    private volatile boolean running;
    private volatile long lastSeen;
    private Thread thread;
    private Connection listener;
    private long nextSweepNanos;
    private boolean failing;

    RevocationSync(Database db, MemoryRevocationIndex index, PersistenceOptions options, Clock clock, Duration leeway) {
        this.db = db;
        this.index = index;
        this.options = options;
        this.clock = clock;
        this.leeway = leeway;
    }

    /** Loads every live revocation, then starts the background thread. Throws when the database is down. */
    synchronized void start() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        listenNow();
        int loaded;
        try {
            loaded = loadAll();
        } catch (RuntimeException e) {
            closeListener();
            throw e;
        }
        index.markInSync(true);
        LOG.info("revocation index loaded: {} jti revocations in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
        running = true;
        nextSweepNanos = System.nanoTime() + options.sweepInterval().toNanos();
        thread = new Thread(this::run, "tokenlife-revocation-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * LISTEN before the load, so a revocation committed from then on is either in the load or notified:
     * from the moment start() returns, notifications are not missed. On failure the catch-up covers.
     */
    private void listenNow() {
        if (!options.notifications() || !db.isPostgres()) {
            return;
        }
        try {
            listener = openListener();
        } catch (SQLException e) {
            LOG.warn("revocation notifications not available yet (SQL state {}); relying on the catch-up", e.getSQLState());
        }
    }

    private int loadAll() {
        long horizon = clock.instant().minus(leeway).toEpochMilli();
        return db.inTransaction("load revocations", h -> {
            // read the sequence first: anything committed meanwhile is read again by the catch-up, never skipped
            long seq = h.createQuery("SELECT last_seq FROM revocation_sequence WHERE id = 1").mapTo(Long.class).one();
            long count = h.createQuery("SELECT COUNT(*) FROM jti_revocations").mapTo(Long.class).one();
            index.ensureCapacity((int) Math.min(Integer.MAX_VALUE / 2, count));
            int loaded = h.createQuery("SELECT jti, expires_at FROM jti_revocations")
                    .setFetchSize(LOAD_FETCH_SIZE)
                    .scanResultSet((supplier, ctx) -> {
                        var rs = supplier.get();
                        int n = 0;
                        while (rs.next()) {
                            long expires = rs.getLong(2);
                            long expiry = rs.wasNull() ? Long.MAX_VALUE : expires;
                            if (expiry >= horizon) {
                                index.addJti(rs.getString(1), expiry);
                                n++;
                            }
                        }
                        return n;
                    });
            applyCutoffs(h, Long.MIN_VALUE);
            lastSeen = seq;
            return loaded;
        });
    }

    private void run() {
        while (running) {
            try {
                waitForChange();
            } catch (SQLException e) {
                closeListener();
                if (running) {
                    LOG.debug("revocation notifications interrupted ({}); relying on the catch-up", e.getSQLState());
                    pause(options.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                catchUp();
                sweepIfDue();
            }
        }
    }

    /** Returns on a notification or after one poll interval. */
    private void waitForChange() throws SQLException, InterruptedException {
        if (!options.notifications() || !db.isPostgres()) {
            Thread.sleep(options.pollInterval().toMillis());
            return;
        }
        if (listener == null) {
            listener = openListener();
        }
        PGNotification[] notes = listener.unwrap(PGConnection.class)
                .getNotifications((int) options.pollInterval().toMillis());
        if (notes != null) {
            for (PGNotification note : notes) {
                RevocationEvent.decode(note.getParameter()).ifPresent(this::apply);
            }
        }
        if (notes == null || notes.length == 0) {
            // no notification: check the connection is alive, or a dead one would only ever time out
            try (Statement s = listener.createStatement()) {
                s.execute("SELECT 1");
            }
        }
    }

    private Connection openListener() throws SQLException {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "2");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "tokenlife-listen");
        Connection c = DriverManager.getConnection(db.url(), props);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + JdbiRevocationStore.CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Applied at once; the sequence is only advanced by the catch-up, which reads it again. */
    private void apply(RevocationEvent event) {
        switch (event.kind()) {
            case JTI:
                index.addJti(event.key(), event.value());
                break;
            case SUBJECT:
                index.applySubjectCutoff(event.key(), event.value());
                break;
            case GLOBAL:
            default:
                index.applyGlobalCutoff(event.value());
                break;
        }
    }

    /** Applies every revocation with a sequence above the last seen. */
    void catchUp() {
        try {
            long seen = lastSeen;
            long newest = db.withHandle("revocation catch-up", h -> {
                long max = h.createQuery("SELECT jti, expires_at, seq FROM jti_revocations WHERE seq > :seq")
                        .bind("seq", seen)
                        .reduceRows(seen, (m, row) -> {
                            Long expires = row.getColumn("expires_at", Long.class);
                            index.addJti(row.getColumn("jti", String.class), expires == null ? Long.MAX_VALUE : expires);
                            return Math.max(m, row.getColumn("seq", Long.class));
                        });
                return Math.max(max, applyCutoffs(h, seen));
            });
            lastSeen = Math.max(lastSeen, newest);
            if (failing) {
                LOG.info("revocation catch-up recovered; index in sync at sequence {}", lastSeen);
            }
            failing = false;
            index.markInSync(true);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("revocation catch-up failing, the index keeps answering from memory: {}", e.getMessage());
            }
            failing = true;
            index.markInSync(false);
        }
    }

    private long applyCutoffs(org.jdbi.v3.core.Handle h, long seen) {
        return h.createQuery("SELECT kind, subject, cutoff, seq FROM revocation_cutoffs WHERE seq > :seq")
                .bind("seq", seen)
                .reduceRows(seen, (max, row) -> {
                    String kind = row.getColumn("kind", String.class);
                    long cutoff = row.getColumn("cutoff", Long.class);
                    if ("global".equals(kind)) {
                        index.applyGlobalCutoff(cutoff);
                    } else {
                        index.applySubjectCutoff(row.getColumn("subject", String.class), cutoff);
                    }
                    return Math.max(max, row.getColumn("seq", Long.class));
                });
    }

    /** Drops entries whose tokens expired, also when another process ran the purge. */
    private void sweepIfDue() {
        long now = System.nanoTime(); // elapsed time for the schedule; which entries expired follows the clock
        if (now - nextSweepNanos >= 0) {
            nextSweepNanos = now + options.sweepInterval().toNanos();
            index.dropExpiredBefore(clock.instant().minus(leeway).toEpochMilli());
        }
    }

    long lastSeen() {
        return lastSeen;
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            listener = null;
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        closeListener();
    }
}
