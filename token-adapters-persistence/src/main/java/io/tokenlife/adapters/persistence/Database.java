package io.tokenlife.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One connection pool and Jdbi over it. Every call names its operation: a failure of the database
 * becomes {@link StoreUnavailableException} with that name and the SQL state, never the URL or credentials;
 * a value the database refuses (SQL state class 22 or 23) is a {@link RejectedValueException} instead, since
 * retrying cannot help and the database is not down.
 *
 * <p>Writes that a caller acknowledges go through {@link #durably}: on PostgreSQL the commit is durable
 * ({@code synchronous_commit} on, its default); on an embedded H2 file, {@code WRITE_DELAY=0} (see
 * {@link JdbcUrls#complete}) makes the commit write its chunk to the file before it returns, which survives a
 * killed process, and {@code CHECKPOINT SYNC} then forces the file to the device ({@code FileChannel.force}),
 * which survives a crash of the machine.
 */
final class Database implements AutoCloseable {
    static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** H2's background housekeeping rewrites chunks below this fill rate (percent), a megabyte per round. */
    private static final int COMPACT_BELOW_FILL_RATE = 80;
    private static final int COMPACT_WRITE_BYTES = 1 << 20;

    static {
        JdbcUrls.bindH2ServersToLoopback(); // before the first connection makes H2 read its properties
    }

    private final String url;
    private final String redactedUrl;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private final boolean embeddedFile;
    private final Connection opener;

    Database(String databaseUrl, String redactedUrl, Duration connectionTimeout) {
        JdbcUrls.createH2FileDirectory(databaseUrl);
        this.url = JdbcUrls.complete(databaseUrl);
        this.redactedUrl = redactedUrl;
        this.embeddedFile = JdbcUrls.isH2File(url);
        this.opener = embeddedFile ? openEmbeddedFile(url, redactedUrl) : null;
        HikariConfig config = new HikariConfig();
        config.setPoolName("tokenlife");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(1);
        // a database that is down must fail a request in about two seconds, not hang it
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.max(250, Math.min(1000, connectionTimeout.toMillis() / 2)));
        config.setKeepaliveTime(Duration.ofSeconds(60).toMillis());
        // open even when the database is down: the first operation reports it, the pool recovers by itself
        config.setInitializationFailTimeout(-1);
        if (JdbcUrls.isPostgres(url)) {
            config.addDataSourceProperty("connectTimeout", "2");
            config.addDataSourceProperty("socketTimeout", "60");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("ApplicationName", "tokenlife");
        }
        this.dataSource = new HikariDataSource(config);
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // the plain queries are SqlObjects (UserRows, TokenRows); their rows map by these
        jdbi.registerRowMapper(User.class, JdbiUserStore.ROW);
        jdbi.registerRowMapper(TokenRecord.class, JdbiIssuedTokenStore.ROW);
        // optional filters bind parameters that a query may not use
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /**
     * Opens an H2 file once, before the pool exists, and keeps that connection while the pool lives. A process
     * that was killed leaves its lock file behind; H2 takes the database over only after checking that the lock
     * is stale (at least two seconds, up to about six), longer than the pool waits for a connection, so a pool
     * alone made the first start after a crash fail. This waits for H2's own, bounded, check.
     */
    private static Connection openEmbeddedFile(String url, String redactedUrl) {
        long start = System.nanoTime();
        try {
            Connection connection = DriverManager.getConnection(url);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= 1_000) {
                LOG.info("opened {} after {} ms: H2 took over the lock left by a process that did not stop cleanly",
                        redactedUrl, millis);
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database " + redactedUrl + " cannot be opened: " + describe(e), e);
        }
    }

    String url() {
        return url;
    }

    String redactedUrl() {
        return redactedUrl;
    }

    boolean isPostgres() {
        return JdbcUrls.isPostgres(url);
    }

    int migrate() {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    // a database that already ran a later version (V2_17 came before V2_13..V2_16 on main) still
                    // gets the earlier ones; each second-wave migration stands alone
                    .outOfOrder(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("database migration failed at " + redactedUrl + ": "
                    + describe(e), e);
        }
    }

    <T> T withHandle(String operation, HandleCallback<T, SQLException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException | SQLException e) {
            throw unavailable(operation, e);
        }
    }

    <T> T inTransaction(String operation, HandleCallback<T, SQLException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException | SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * A write the caller acknowledges: one transaction, committed and on the disk when this returns (see the
     * class comment). The force costs about a millisecond per write on an H2 file (docs/how-to storage guide).
     */
    <T> T durably(String operation, HandleCallback<T, SQLException> callback) {
        try {
            return jdbi.withHandle(h -> {
                T result = h.inTransaction(callback);
                if (embeddedFile) {
                    h.execute("CHECKPOINT SYNC");
                }
                return result;
            });
        } catch (JdbiException | SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /** Work on one pooled connection, by plain JDBC (no Jdbi handle): for the registry writer's hot path. */
    <T> T withConnection(String operation, ConnectionCallback<T> callback) {
        try (Connection connection = dataSource.getConnection()) {
            return callback.withConnection(connection);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof RejectedValueException || e instanceof StoreUnavailableException) {
                throw (RuntimeException) e;
            }
            throw unavailable(operation, e);
        }
    }

    /** {@link #withConnection}'s work. */
    @FunctionalInterface
    interface ConnectionCallback<T> {
        T withConnection(Connection connection) throws SQLException;
    }

    /**
     * Forces what committed transactions wrote to the device, without a commit of its own: on an H2 file a
     * commit has already written its chunk when it returns ({@code WRITE_DELAY=0}, its
     * {@code MVStore.commit} runs on the committing thread), so {@code FileChannel.force(true)} — what
     * {@code CHECKPOINT SYNC} ends with — makes every transaction committed before this call durable. Unlike
     * {@code CHECKPOINT SYNC} it parses no SQL, takes neither H2's database lock nor the store lock, and writes
     * no store commit of its own (ADR 0010). When the file is another process's (this one its
     * {@code AUTO_SERVER} client) it runs {@code CHECKPOINT SYNC} there. A no-op elsewhere: a PostgreSQL commit
     * is durable when it returns.
     */
    void forceCommitted(String operation) {
        if (opener == null) {
            return;
        }
        try {
            if (opener.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                local.getDatabase().getStore().getMvStore().sync();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreUnavailableException("the database is unavailable (" + operation + "): " + describe(e), e);
        }
        // the file is another process's (AUTO_SERVER: this one is its client): that process forces it
        withConnection(operation, c -> {
            try (Statement statement = c.createStatement()) {
                return statement.execute("CHECKPOINT SYNC");
            }
        });
    }

    /**
     * {@code WRITE_DELAY=0} also stops H2's background writer, and with it the housekeeping that rewrites the
     * live pages out of sparse chunks so that their space can be reused: without this the file grows by every
     * commit (about 12 KiB) until the database is closed. Run every second on an embedded file; a no-op
     * elsewhere, and when the fill rate is already high. Uses H2's own compaction ({@code MVStore.compact}),
     * reached through the embedded session because SQL has no online equivalent.
     */
    void houseKeep() {
        if (opener == null) {
            return;
        }
        try {
            if (opener.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                if (store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_BYTES)) {
                    store.commit();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("housekeeping of {} failed: {}", redactedUrl, e.toString());
        }
    }

    boolean isReachable() {
        try (Handle handle = jdbi.open()) {
            return handle.getConnection().isValid(1);
        } catch (JdbiException | SQLException e) {
            return false;
        }
    }

    static RuntimeException unavailable(String operation, Exception e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return new RejectedValueException(operation, state, e);
        }
        return new StoreUnavailableException("the database is unavailable (" + operation + "): " + describe(e), e);
    }

    /** A second row with the same key: the callers turn it into "taken" or "reused". */
    static boolean isUniqueViolation(RejectedValueException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
        }
        return null;
    }

    /** The SQL state or the exception's class; driver messages may quote the URL, so they stay out. */
    private static String describe(Throwable e) {
        String state = sqlState(e);
        if (state != null) {
            return "SQL state " + state;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    @Override
    public void close() {
        dataSource.close();
        if (opener != null) {
            try {
                opener.close(); // the last connection: H2 closes the file cleanly and removes its lock
            } catch (SQLException e) {
                LOG.warn("closing {} failed: {}", redactedUrl, describe(e));
            }
        }
    }
}
