package io.tokenlife.adapters.persistence;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The LISTEN side of revocation notifications (PostgreSQL only): one dedicated connection, opened on
 * demand and reopened after any failure. Without PostgreSQL, or with notifications off, waiting is just
 * sleeping one poll interval, and the catch-up does all the work.
 */
final class RevocationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationListener.class);

    private final Database db;
    private final Duration pollInterval;
    private final boolean enabled;
    private Connection connection;

    RevocationListener(Database db, PersistenceOptions options) {
        this.db = db;
        this.pollInterval = options.pollInterval();
        this.enabled = options.notifications() && db.isPostgres();
    }

    /**
     * LISTEN now, before the load, so that a revocation committed from then on is either in the load or
     * notified. A failure is not fatal: the catch-up covers until the next {@link #awaitChange} reconnects.
     */
    void listenBeforeLoad() {
        if (!enabled) {
            return;
        }
        try {
            connection = open();
        } catch (SQLException e) {
            LOG.warn("revocation notifications not available yet (SQL state {}); relying on the catch-up", e.getSQLState());
        }
    }

    /**
     * Returns on a notification (each one handed to {@code sink}) or after one poll interval. A broken
     * connection is closed, and reopened on the next call after a pause of one poll interval.
     */
    void awaitChange(Consumer<RevocationEvent> sink, Runnable keyChanged) throws InterruptedException {
        if (!enabled) {
            Thread.sleep(pollInterval.toMillis());
            return;
        }
        try {
            if (connection == null) {
                connection = open();
            }
            PGNotification[] notes = connection.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
            if (notes != null) {
                for (PGNotification note : notes) {
                    if (JdbiSigningKeyStore.CHANNEL.equals(note.getName())) {
                        keyChanged.run();
                    } else {
                        RevocationEvent.decode(note.getParameter()).ifPresent(sink);
                    }
                }
            }
            if (notes == null || notes.length == 0) {
                // no notification: check the connection is alive, or a dead one would only ever time out
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT 1");
                }
            }
        } catch (SQLException e) {
            close();
            LOG.debug("revocation notifications interrupted ({}); relying on the catch-up", e.getSQLState());
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "2");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "tokenlife-listen");
        Connection c = DriverManager.getConnection(db.url(), props);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + JdbiRevocationStore.CHANNEL);
            s.execute("LISTEN " + JdbiSigningKeyStore.CHANNEL); // key changes ride the same connection
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            connection = null;
        }
    }
}
