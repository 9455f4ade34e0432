package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refresh tokens in {@code refresh_tokens} and their families in {@code token_families}. A rotation locks
 * the family row first and changes rows only under conditions ({@code spent_at IS NULL}, {@code
 * grace_used_at IS NULL}), so of concurrent rotations exactly one commits, and a revocation of the family
 * (which updates the same row) is ordered before or after it, never inside.
 */
final class JdbiRefreshTokenStore implements RefreshTokenStore {
    private static final String TOKEN_COLUMNS = "id, token_hash, family_id, parent_id, access_jti, issued_at, "
            + "expires_at, spent_at, grace_used_at";
    private static final String FAMILY_COLUMNS = "family_id, subject, source, started_at, revoked_at, revoked_by, reason";

    private static final RowMapper<RefreshToken> TOKEN = (rs, ctx) -> new RefreshToken(
            rs.getString("id"),
            rs.getString("token_hash"),
            rs.getString("family_id"),
            rs.getString("parent_id"),
            rs.getString("access_jti"),
            Millis.instant(rs, "issued_at"),
            Millis.instant(rs, "expires_at"),
            Millis.instant(rs, "spent_at"),
            Millis.instant(rs, "grace_used_at"));

    private static final RowMapper<TokenFamily> FAMILY = (rs, ctx) -> new TokenFamily(
            rs.getString("family_id"),
            rs.getString("subject"),
            TokenSource.fromWireName(rs.getString("source")),
            Millis.instant(rs, "started_at"),
            Millis.instant(rs, "revoked_at"),
            rs.getString("revoked_by"),
            rs.getString("reason"));

    private final Database db;

    JdbiRefreshTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public void start(TokenFamily family, RefreshToken first) {
        Limits.checkSubject(family.subject());
        db.inTransaction("start token family", h -> {
            h.createUpdate("INSERT INTO token_families (" + FAMILY_COLUMNS + ") VALUES "
                            + "(:id, :subject, :source, :startedAt, NULL, NULL, NULL)")
                    .bind("id", family.id())
                    .bind("subject", family.subject())
                    .bind("source", family.source().wireName())
                    .bind("startedAt", Millis.of(family.startedAt()))
                    .execute();
            insert(h, first);
            return null;
        });
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return db.withHandle("find refresh token", h -> h.createQuery("SELECT " + TOKEN_COLUMNS
                        + " FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).map(TOKEN).findOne());
    }

    @Override
    public Optional<RefreshToken> find(String id) {
        return db.withHandle("find refresh token", h -> h.createQuery("SELECT " + TOKEN_COLUMNS
                        + " FROM refresh_tokens WHERE id = :id")
                .bind("id", id).map(TOKEN).findOne());
    }

    @Override
    public Optional<TokenFamily> family(String familyId) {
        return db.withHandle("find token family", h -> h.createQuery("SELECT " + FAMILY_COLUMNS
                        + " FROM token_families WHERE family_id = :id")
                .bind("id", familyId).map(FAMILY).findOne());
    }

    @Override
    public Optional<RefreshToken> successor(String id) {
        return db.withHandle("find refresh token", h -> h.createQuery("SELECT " + TOKEN_COLUMNS
                        + " FROM refresh_tokens WHERE parent_id = :id")
                .bind("id", id).map(TOKEN).findFirst());
    }

    @Override
    public List<RefreshToken> tokens(String familyId) {
        return db.withHandle("list refresh tokens", h -> h.createQuery("SELECT " + TOKEN_COLUMNS
                        + " FROM refresh_tokens WHERE family_id = :id ORDER BY issued_at, id")
                .bind("id", familyId).map(TOKEN).list());
    }

    @Override
    public boolean rotate(String spentId, Optional<String> graceOf, Instant at, RefreshToken successor) {
        try {
            return db.inTransaction("rotate refresh token", h -> {
                Optional<Long> revokedAt = h.createQuery("SELECT revoked_at FROM token_families WHERE family_id = :id "
                                + "FOR UPDATE")
                        .bind("id", successor.familyId())
                        .map((rs, ctx) -> {
                            long v = rs.getLong(1);
                            return rs.wasNull() ? -1L : v;
                        })
                        .findOne();
                if (revokedAt.isEmpty() || revokedAt.get() != -1L) {
                    throw new Lost();
                }
                if (graceOf.isPresent() && h.createUpdate("UPDATE refresh_tokens SET grace_used_at = :at "
                                + "WHERE id = :id AND grace_used_at IS NULL AND family_id = :family")
                        .bind("at", at.toEpochMilli()).bind("id", graceOf.get()).bind("family", successor.familyId())
                        .execute() != 1) {
                    throw new Lost();
                }
                // a token spent in place of a retry gets no retry of its own
                if (h.createUpdate("UPDATE refresh_tokens SET spent_at = :at"
                                + (graceOf.isPresent() ? ", grace_used_at = :at" : "")
                                + " WHERE id = :id AND spent_at IS NULL AND family_id = :family")
                        .bind("at", at.toEpochMilli()).bind("id", spentId).bind("family", successor.familyId())
                        .execute() != 1) {
                    throw new Lost();
                }
                insert(h, successor);
                return true;
            });
        } catch (Lost lost) {
            return false; // rolled back: nothing changed
        }
    }

    /** A condition of the rotation failed; thrown to roll its transaction back. */
    private static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean revokeFamily(String familyId, Instant at, String revokedBy, String reason) {
        return db.withHandle("revoke token family", h -> h.createUpdate("UPDATE token_families SET revoked_at = :at, "
                        + "revoked_by = :by, reason = :reason WHERE family_id = :id AND revoked_at IS NULL")
                .bind("at", at.toEpochMilli()).bind("by", revokedBy).bind("reason", reason).bind("id", familyId)
                .execute()) == 1;
    }

    @Override
    public int purgeExpired(Instant before) {
        return db.inTransaction("purge refresh tokens", h -> {
            int deleted = h.createUpdate("DELETE FROM refresh_tokens WHERE expires_at < :before")
                    .bind("before", before.toEpochMilli()).execute();
            h.createUpdate("DELETE FROM token_families f WHERE NOT EXISTS "
                    + "(SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.family_id)").execute();
            return deleted;
        });
    }

    private static void insert(Handle h, RefreshToken t) {
        h.createUpdate("INSERT INTO refresh_tokens (" + TOKEN_COLUMNS + ") VALUES (:id, :hash, :family, :parent, "
                        + ":accessJti, :issuedAt, :expiresAt, :spentAt, :graceUsedAt)")
                .bind("id", t.id())
                .bind("hash", t.tokenHash())
                .bind("family", t.familyId())
                .bind("parent", t.parentId())
                .bind("accessJti", t.accessJti())
                .bind("issuedAt", Millis.of(t.issuedAt()))
                .bind("expiresAt", Millis.of(t.expiresAt()))
                .bind("spentAt", Millis.of(t.spentAt()))
                .bind("graceUsedAt", Millis.of(t.graceUsedAt()))
                .execute();
    }
}
