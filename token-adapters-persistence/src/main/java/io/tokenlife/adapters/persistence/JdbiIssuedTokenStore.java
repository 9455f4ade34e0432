package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The issued-token registry in the {@code issued_tokens} table. */
final class JdbiIssuedTokenStore implements IssuedTokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiIssuedTokenStore.class);
    private static final int MAX_PENDING_TOUCHES = 100_000;
    private static final String COLUMNS = TokenRows.COLUMNS;
    /** Registered with Jdbi for {@link TokenRows}; the listing maps with it too. */
    static final RowMapper<TokenRecord> ROW = (rs, ctx) -> new TokenRecord(
            rs.getString("jti"),
            rs.getString("subject"),
            TokenSource.fromWireName(rs.getString("source")),
            TokenUse.fromWireName(rs.getString("token_use")).orElseThrow(),
            rs.getString("name"),
            rs.getString("scope"),
            Millis.instant(rs, "issued_at"),
            Millis.instant(rs, "expires_at"),
            Millis.instant(rs, "revoked_at"),
            rs.getString("revoked_by"),
            rs.getString("reason"),
            Millis.instant(rs, "last_used_at"),
            rs.getString("kid"),
            rs.getString("family_id"));

    private final Database db;
    private final RevocationIndex index;
    /** jti → last use, written in the background so validation never waits on the database */
    /** the rows of new tokens: queued, written in batches, each waiter released after the commit */
    private final RegistryWriter writer;
    private final LastUseBuffer pendingTouches = new LastUseBuffer(MAX_PENDING_TOUCHES);

    JdbiIssuedTokenStore(Database db, RevocationIndex index) {
        this.db = db;
        this.index = index;
        this.writer = new RegistryWriter(db);
    }

    @Override
    public void record(TokenRecord token) {
        Limits.checkJti(token.jti());
        Limits.checkSubject(token.subject());
        // a token born under an existing cut-off (issued before it, recorded after) is recorded revoked
        RevocationState state = index.check(token.jti(), token.subject(), token.issuedAt());
        TokenRecord row = state.isRevoked() && token.revokedAt() == null
                ? token.revoked(token.issuedAt(), "tokenlife", state.recordedReason())
                : token;
        writer.record(row);
    }

    /** Stops the registry writer (before the pool closes). */
    void close() {
        writer.close();
    }

    @Override
    public Optional<TokenRecord> find(String jti) {
        return db.withHandle("find token", h -> h.attach(TokenRows.class).find(jti));
    }

    @Override
    public Page<TokenRecord> list(TokenQuery query, Instant now) {
        Optional<KeysetCursor> after = query.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM issued_tokens WHERE 1 = 1");
        appendFilters(sql, query);
        after.ifPresent(c -> sql.append(" AND (issued_at < :afterIssuedAt OR (issued_at = :afterIssuedAt AND jti > :afterJti))"));
        sql.append(" ORDER BY issued_at DESC, jti ASC LIMIT :limit");
        List<TokenRecord> rows = db.withHandle("list tokens", h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", query.limit() + 1);
            bindFilters(q, query, now);
            after.ifPresent(c -> q.bind("afterIssuedAt", c.issuedAtMillis()).bind("afterJti", c.jti()));
            return q.map(ROW).list();
        });
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<TokenRecord> page = new ArrayList<>(rows.subList(0, query.limit()));
        TokenRecord last = page.get(page.size() - 1);
        return new Page<>(page, Optional.of(new KeysetCursor(last.issuedAt().toEpochMilli(), last.jti()).encode()));
    }

    @Override
    public long count(TokenQuery query, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM issued_tokens WHERE 1 = 1");
        appendFilters(sql, query);
        return db.withHandle("count tokens", h -> {
            Query q = h.createQuery(sql.toString());
            bindFilters(q, query, now);
            return q.mapTo(Long.class).one();
        });
    }

    @Override
    public TokenCounts counts(Instant now, Instant revokedSince) {
        return db.withHandle("count tokens", h -> {
            Map<TokenSource, Long> bySource = new EnumMap<>(TokenSource.class);
            Map<TokenUse, Long> byUse = new EnumMap<>(TokenUse.class);
            h.createQuery("SELECT source, token_use, COUNT(*) AS n FROM issued_tokens WHERE 1 = 1"
                            + statusFilter(TokenStatus.ACTIVE) + " GROUP BY source, token_use")
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> {
                        long n = rs.getLong("n");
                        bySource.merge(TokenSource.fromWireName(rs.getString("source")), n, Long::sum);
                        TokenUse.fromWireName(rs.getString("token_use")).ifPresent(u -> byUse.merge(u, n, Long::sum));
                        return n;
                    })
                    .list();
            long revoked = h.createQuery("SELECT COUNT(*) FROM issued_tokens WHERE revoked_at >= :since")
                    .bind("since", revokedSince.toEpochMilli())
                    .mapTo(Long.class).one();
            return new TokenCounts(now, bySource, byUse, revokedSince, revoked);
        });
    }

    private static void appendFilters(StringBuilder sql, TokenQuery query) {
        query.subject().ifPresent(s -> sql.append(" AND subject = :subject"));
        query.source().ifPresent(s -> sql.append(" AND source = :source"));
        query.use().ifPresent(u -> sql.append(" AND token_use = :tokenUse"));
        query.family().ifPresent(f -> sql.append(" AND family_id = :family"));
        query.status().ifPresent(s -> sql.append(statusFilter(s)));
        // the jti whole; subject and name by part, LIKE wildcards typed by the user taken literally
        query.text().ifPresent(t -> sql.append(" AND (jti = :text OR LOWER(subject) LIKE :pattern ESCAPE '!'"
                + " OR LOWER(name) LIKE :pattern ESCAPE '!')"));
    }

    private static void bindFilters(Query q, TokenQuery query, Instant now) {
        query.subject().ifPresent(s -> q.bind("subject", s));
        query.source().ifPresent(s -> q.bind("source", s.wireName()));
        query.use().ifPresent(u -> q.bind("tokenUse", u.wireName()));
        query.family().ifPresent(f -> q.bind("family", f));
        if (query.status().isPresent()) {
            q.bind("now", now.toEpochMilli());
        }
        query.text().ifPresent(t -> q.bind("text", t).bind("pattern", "%" + likeLiteral(t.toLowerCase(Locale.ROOT)) + "%"));
    }

    private static String likeLiteral(String text) {
        // '!' rather than backslash: Jdbi's parser reads a backslash in a quoted literal as an escape
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String statusFilter(TokenStatus status) {
        switch (status) {
            case REVOKED:
                return " AND revoked_at IS NOT NULL";
            case EXPIRED:
                return " AND revoked_at IS NULL AND expires_at IS NOT NULL AND expires_at <= :now";
            case ACTIVE:
            default:
                return " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)";
        }
    }

    @Override
    public KeyUsage keyUsage(String keyId, Instant now) {
        return db.withHandle("count tokens of a key", h -> h.createQuery("SELECT COUNT(*) AS n, MAX(expires_at) AS last, "
                        + "SUM(CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END) AS unbounded FROM issued_tokens "
                        + "WHERE kid = :kid" + statusFilter(TokenStatus.ACTIVE))
                .bind("kid", keyId)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new KeyUsage(keyId, rs.getLong("n"), Optional.ofNullable(Millis.instant(rs, "last")),
                        rs.getLong("unbounded") > 0))
                .one());
    }

    @Override
    public void touch(String jti, Instant at) {
        if (jti == null || at == null) {
            return;
        }
        pendingTouches.record(jti, at.toEpochMilli());
    }

    /** Writes the buffered last-use times; on failure they are kept for the next attempt. */
    int flushTouches() {
        if (pendingTouches.isEmpty()) {
            return 0;
        }
        Map<String, Long> batch = pendingTouches.drain();
        try {
            db.withHandle("record last use", h -> {
                PreparedBatch update = h.prepareBatch("UPDATE issued_tokens SET last_used_at = :at WHERE jti = :jti "
                        + "AND (last_used_at IS NULL OR last_used_at < :at)");
                batch.forEach((jti, at) -> update.bind("jti", jti).bind("at", at).add());
                return update.execute();
            });
            return batch.size();
        } catch (StoreUnavailableException e) {
            pendingTouches.restore(batch);
            LOG.debug("last-use times not written yet: {}", e.getMessage());
            return 0;
        } catch (RejectedValueException e) {
            // retrying the same values cannot succeed; the next flush starts afresh
            LOG.warn("{} last-use times dropped: {}", batch.size(), e.getMessage());
            return 0;
        }
    }

    @Override
    public int purgeExpired(Instant before) {
        return db.withHandle("purge registry", h -> h.createUpdate(
                        "DELETE FROM issued_tokens WHERE expires_at IS NOT NULL AND expires_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
