package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SigningKeyStore;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.DatabaseSettings;
import io.tokenlife.domain.settings.TokenlifeSettings;

import org.slf4j.LoggerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The persistence adapter's entry point for composition roots: one connection pool, the migrations,
 * and the stores over it; the revocation index is kept current in the background.
 *
 * <p>Lifecycle: {@link #open}, {@link #migrate()}, {@link #startRevocationSync()}, use, {@link #close()}.
 * Writes fail with {@code StoreUnavailableException} while the database is down; the revocation index
 * keeps answering from memory and everything reconnects by itself.
 */
public final class PersistenceAdapters implements AutoCloseable {
    private final Database db;
    private final RevocationIndex index;
    private final JdbiIssuedTokenStore registry;
    private final JdbiRevocationStore revocations;
    private final JdbiUserStore users;
    private final JdbiRefreshTokenStore refreshTokens;
    private final PasswordHasher passwords = new BcryptPasswordHasher();
    private final JdbiSecurityEventLog securityEvents;
    private final JdbiSigningKeyStore signingKeys;
    private final SigningKeyWatch signingKeyWatch;
    private final RevocationSync sync;
    private final ScheduledExecutorService maintenance;

    private PersistenceAdapters(TokenlifeSettings settings, Clock clock, PersistenceOptions options) {
        this.db = new Database(settings.database().url(), settings.database().redactedUrl(), options.connectionTimeout());
        this.index = new RevocationIndex();
        this.registry = new JdbiIssuedTokenStore(db, index);
        this.revocations = new JdbiRevocationStore(db, index);
        this.users = new JdbiUserStore(db);
        this.refreshTokens = new JdbiRefreshTokenStore(db);
        this.securityEvents = new JdbiSecurityEventLog(db, clock, JdbiSecurityEventLog.TABLE_CAP);
        this.signingKeys = new JdbiSigningKeyStore(db);
        this.signingKeyWatch = new SigningKeyWatch(db);
        this.sync = new RevocationSync(db, index, options, clock, settings.validation().leeway(), signingKeyWatch);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tokenlife-last-use-flush");
            t.setDaemon(true);
            return t;
        });
        long flush = options.touchFlushInterval().toMillis();
        maintenance.scheduleWithFixedDelay(registry::flushTouches, flush, flush, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::flushSecurityEvents, 1, 1, TimeUnit.SECONDS);
        long users = options.userCacheTtl().toMillis();
        maintenance.scheduleWithFixedDelay(this.users::catchUp, users, users, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(db::houseKeep, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens the pool for DATABASE_URL. Does not migrate. */
    public static PersistenceAdapters open(TokenlifeSettings settings, Clock clock) {
        return open(settings, clock, PersistenceOptions.defaults());
    }

    /** Opens the pool for DATABASE_URL with explicit tuning (tests, benchmarks). Does not migrate. */
    public static PersistenceAdapters open(TokenlifeSettings settings, Clock clock, PersistenceOptions options) {
        return new PersistenceAdapters(settings, clock, options);
    }

    /**
     * The file an embedded H2 database is kept in ({@code <path>.mv.db}), whether it exists yet or not;
     * empty for memory and PostgreSQL. Opening a missing file creates it, so tools that must not create a
     * database look here first.
     */
    public static Optional<Path> embeddedDatabaseFile(DatabaseSettings database) {
        return JdbcUrls.h2File(database.url());
    }

    /** Runs the Flyway migrations; returns how many were applied. */
    public int migrate() {
        return db.migrate();
    }

    /**
     * Loads the users and the live revocations into memory and starts keeping them current (users by a
     * catch-up every {@code userCacheTtl}; revocations by LISTEN/NOTIFY and a catch-up), so that validation
     * makes no database round trip. Throws {@code StoreUnavailableException} when the database cannot be
     * read: an empty index would accept revoked tokens.
     */
    public void startRevocationSync() {
        users.loadAll();
        sync.start();
    }

    public IssuedTokenStore registry() {
        return registry;
    }

    public RevocationStore revocations() {
        return revocations;
    }

    /** Answers from memory; {@code inSync()} is false before {@link #startRevocationSync()} and while catch-up fails. */
    public RevocationIndex revocationIndex() {
        return index;
    }

    /** The managed signing keys every replica shares ({@code KEY_MANAGEMENT=managed}). */
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    /**
     * Calls {@code listener} on the revocation sync's thread when another process changed a managed signing
     * key: at once on PostgreSQL (a notification), else at the next catch-up. The listener should only hand
     * the reload to its own thread.
     */
    public void onSigningKeyChange(Runnable listener) {
        signingKeyWatch.addListener(listener);
    }

    /** Refresh tokens (by hash) and their families. */
    public RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    public UserStore users() {
        return users;
    }

    /**
     * The operators' security event log, shared by the replicas: give it every event as a sink (it only
     * queues; a background job writes) and read it back as a {@link SecurityEventLog}.
     */
    public SecurityEvents securityEventSink() {
        return securityEvents;
    }

    public SecurityEventLog securityEventLog() {
        return securityEvents;
    }

    public PasswordHasher passwords() {
        return passwords;
    }

    /** The database answers now (for {@code /ready}). */
    public boolean isReachable() {
        return db.isReachable();
    }

    /** The jti revocations this process holds in memory (for metrics). */
    public int liveRevocations() {
        return index.jtiCount();
    }

    private void flushSecurityEvents() {
        try {
            securityEvents.flush();
        } catch (RuntimeException e) {
            // a failed batch must not end the schedule
            LoggerFactory.getLogger(PersistenceAdapters.class).warn("writing security events failed: {}", e.toString());
        }
    }

    /** Writes buffered last-use times now (they are otherwise written every few seconds). */
    public void flushLastUse() {
        registry.flushTouches();
    }

    @Override
    public void close() {
        sync.close();
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
        registry.flushTouches();
        securityEvents.flush();
        db.close();
    }
}
