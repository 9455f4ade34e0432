package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.port.out.SigningKeyStore;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Managed signing keys in the {@code signing_keys} table. Every change tells the other replicas on
 * PostgreSQL ({@code pg_notify} on {@link #CHANNEL}, in the same transaction); they reload the few rows.
 * Scheduled work is exclusive across replicas through a PostgreSQL advisory lock, within one process
 * (H2) through a plain lock.
 */
final class JdbiSigningKeyStore implements SigningKeyStore {
    static final String CHANNEL = "tokenlife_signing_keys";
    /** The published half of an RSA 4096 key is about 750 characters. */
    static final int MAX_PUBLIC_JWK = 2000;
    /** pg_try_advisory_lock's key: "tokenlife keys" in ASCII, folded to a bigint. */
    private static final long ADVISORY_LOCK = 0x746f6b656e6c6966L;
    private static final String COLUMNS = "kid, algorithm, state, public_jwk, sealed_key, created_at, activates_at, "
            + "activated_at, retired_at, removed_at, revoked_at, revoked_by, reason, version";

    private static final RowMapper<StoredSigningKey> ROW = (rs, ctx) -> new StoredSigningKey(info(rs),
            Optional.ofNullable(rs.getString("public_jwk")), rs.getBytes("sealed_key"));

    private final Database db;
    private final ReentrantLock local = new ReentrantLock();

    JdbiSigningKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public List<StoredSigningKey> all() {
        return db.withHandle("read signing keys", h -> h.createQuery("SELECT " + COLUMNS
                + " FROM signing_keys ORDER BY created_at, kid").map(ROW).list());
    }

    @Override
    public Optional<StoredSigningKey> find(String kid) {
        return db.withHandle("read a signing key", h -> h.createQuery("SELECT " + COLUMNS
                + " FROM signing_keys WHERE kid = :kid").bind("kid", kid).map(ROW).findOne());
    }

    @Override
    public void insert(StoredSigningKey key) {
        if (key.publicJwk().map(String::length).orElse(0) > MAX_PUBLIC_JWK) {
            throw new IllegalArgumentException("the public JWK of " + key.kid() + " is longer than " + MAX_PUBLIC_JWK);
        }
        SigningKeyInfo i = key.info();
        try {
            db.inTransaction("store a signing key", h -> {
                bindLifecycle(h.createUpdate("INSERT INTO signing_keys (" + COLUMNS + ") VALUES (:kid, :algorithm, "
                                + ":state, :publicJwk, :sealed, :createdAt, :activatesAt, :activatedAt, :retiredAt, "
                                + ":removedAt, :revokedAt, :revokedBy, :reason, :version)"), i)
                        .bind("kid", i.kid())
                        .bind("algorithm", i.algorithm().joseName())
                        .bind("publicJwk", key.publicJwk().orElse(null))
                        .bind("sealed", key.sealed())
                        .bind("createdAt", Millis.of(i.createdAt()))
                        .bind("activatesAt", Millis.of(i.activatesAt()))
                        .execute();
                notifyReplicas(h, i.kid());
                return null;
            });
        } catch (RejectedValueException e) {
            if (Database.isUniqueViolation(e)) {
                throw new DuplicateKeyException(i.kid());
            }
            throw e;
        }
    }

    /** The columns a key's lifecycle changes, bound alike by the insert and the versioned update. */
    private static Update bindLifecycle(Update statement, SigningKeyInfo i) {
        return statement.bind("state", i.state().wireName())
                .bind("activatedAt", Millis.of(i.activatedAt().orElse(null)))
                .bind("retiredAt", Millis.of(i.retiredAt().orElse(null)))
                .bind("removedAt", Millis.of(i.removedAt().orElse(null)))
                .bind("revokedAt", Millis.of(i.revokedAt().orElse(null)))
                .bind("revokedBy", i.revokedBy().orElse(null))
                .bind("reason", i.reason().orElse(null))
                .bind("version", i.version());
    }

    @Override
    public boolean update(SigningKeyInfo i) {
        return db.inTransaction("change a signing key", h -> {
            int rows = bindLifecycle(h.createUpdate("UPDATE signing_keys SET state = :state, "
                            + "activated_at = :activatedAt, retired_at = :retiredAt, removed_at = :removedAt, "
                            + "revoked_at = :revokedAt, revoked_by = :revokedBy, reason = :reason, version = :version "
                            + "WHERE kid = :kid AND version = :expected"), i)
                    .bind("kid", i.kid())
                    .bind("expected", i.version() - 1)
                    .execute();
            if (rows == 1) {
                notifyReplicas(h, i.kid());
            }
            return rows == 1;
        });
    }

    @Override
    public boolean exclusively(Runnable work) {
        if (!local.tryLock()) {
            return false;
        }
        try {
            if (!db.isPostgres()) {
                work.run();
                return true;
            }
            // a session lock on one pooled connection, held for the work and released on the same connection
            return db.withHandle("lock the key schedule", h -> {
                boolean locked = h.createQuery("SELECT pg_try_advisory_lock(:key)").bind("key", ADVISORY_LOCK)
                        .mapTo(Boolean.class).one();
                if (!locked) {
                    return false;
                }
                try {
                    work.run();
                    return true;
                } finally {
                    h.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", ADVISORY_LOCK).mapTo(Boolean.class).one();
                }
            });
        } finally {
            local.unlock();
        }
    }

    @Override
    public int attributeUnattributedTokens(String kid) {
        return db.withHandle("attribute tokens to a key", h -> h.createUpdate(
                "UPDATE issued_tokens SET kid = :kid WHERE kid IS NULL").bind("kid", kid).execute());
    }

    private void notifyReplicas(Handle h, String kid) {
        if (db.isPostgres()) {
            h.execute("SELECT pg_notify(?, ?)", CHANNEL, kid);
        }
    }

    private static SigningKeyInfo info(ResultSet rs) throws SQLException {
        return new SigningKeyInfo(
                rs.getString("kid"),
                SigningAlgorithm.fromJoseName(rs.getString("algorithm")).orElseThrow(
                        () -> new SQLException("unknown algorithm in signing_keys")),
                KeyState.fromWireName(rs.getString("state")).orElseThrow(() -> new SQLException("unknown key state")),
                Millis.instant(rs, "created_at"),
                Millis.instant(rs, "activates_at"),
                optional(rs, "activated_at"),
                optional(rs, "retired_at"),
                optional(rs, "removed_at"),
                optional(rs, "revoked_at"),
                Optional.ofNullable(rs.getString("revoked_by")),
                Optional.ofNullable(rs.getString("reason")),
                rs.getLong("version"));
    }

    private static Optional<Instant> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(Millis.instant(rs, column));
    }
}
