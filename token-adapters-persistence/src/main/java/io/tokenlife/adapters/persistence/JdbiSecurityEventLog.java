package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.RecordedSecurityEvent;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The security events of every replica in the bounded {@code security_events} table. {@link #emit} only
 * queues (events are emitted on the validation path, which must never wait on a database); a background
 * flush writes the queue in batches and trims the table to its cap. This process also remembers its own
 * latest events in a ring, so the console can show them while the database is down.
 */
final class JdbiSecurityEventLog implements SecurityEvents, SecurityEventLog {
    static final int TABLE_CAP = 10_000;
    static final int RING_SIZE = 1_000;
    static final int MAX_PENDING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiSecurityEventLog.class);
    static final int MAX_MESSAGE = 1000;
    static final int MAX_FIELDS = 4000;
    private static final int MAX_SUBJECT = Limits.MAX_SUBJECT;
    private static final String COLUMNS = "id, occurred_at, type, level, subject, message, fields";
    private static final RowMapper<RecordedSecurityEvent> ROW = (rs, ctx) -> new RecordedSecurityEvent(
            rs.getLong("id"), Millis.instant(rs, "occurred_at"), rs.getString("type"),
            SecurityEvent.Level.valueOf(rs.getString("level")), rs.getString("subject"), rs.getString("message"),
            decode(rs.getString("fields")));

    private final Database db;
    private final Clock clock;
    private final int tableCap;
    private final ConcurrentLinkedQueue<RecordedSecurityEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong localIds = new AtomicLong();
    private final AtomicReferenceArray<RecordedSecurityEvent> ring = new AtomicReferenceArray<>(RING_SIZE);

    JdbiSecurityEventLog(Database db, Clock clock, int tableCap) {
        this.db = db;
        this.clock = clock;
        this.tableCap = tableCap;
    }

    @Override
    public void emit(SecurityEvent event) {
        long id = localIds.incrementAndGet();
        RecordedSecurityEvent recorded = new RecordedSecurityEvent(id, clock.instant(), event.type().wireName(),
                event.level(), truncate(RecordedSecurityEvent.subjectOf(event), MAX_SUBJECT),
                truncate(event.message(), MAX_MESSAGE), event.fields());
        ring.set((int) (id % RING_SIZE), recorded);
        // bounded: under a flood (e.g. invalid tokens while the database is down) the excess is dropped
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            pendingCount.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(recorded);
    }

    /** Writes the queued events and trims the table; on failure the batch is kept for the next attempt. */
    int flush() {
        List<RecordedSecurityEvent> batch = new ArrayList<>();
        for (RecordedSecurityEvent e; batch.size() < MAX_PENDING && (e = pending.poll()) != null; ) {
            batch.add(e);
        }
        pendingCount.addAndGet(-batch.size());
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn("{} security events were not kept for the console (queue full); the log has them all", lost);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            db.inTransaction("record security events", h -> {
                PreparedBatch insert = h.prepareBatch("INSERT INTO security_events (occurred_at, type, level, "
                        + "subject, message, fields) VALUES (:at, :type, :level, :subject, :message, :fields)");
                for (RecordedSecurityEvent e : batch) {
                    insert.bind("at", e.at().toEpochMilli()).bind("type", e.type()).bind("level", e.level().name())
                            .bind("subject", e.subject()).bind("message", e.message())
                            .bind("fields", encode(e.fields())).add();
                }
                insert.execute();
                return h.createUpdate("DELETE FROM security_events WHERE id <= "
                                + "(SELECT MAX(id) FROM security_events) - :cap")
                        .bind("cap", tableCap).execute();
            });
            return batch.size();
        } catch (StoreUnavailableException e) {
            batch.forEach(pending::add);
            pendingCount.addAndGet(batch.size());
            LOG.debug("security events not written yet: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public SecurityEventPage recent(SecurityEventQuery query) {
        try {
            flush(); // this process's latest events are visible to its own reader at once
            return fromTable(query);
        } catch (StoreUnavailableException e) {
            return fromRing(query);
        }
    }

    private SecurityEventPage fromTable(SecurityEventQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM security_events WHERE 1 = 1");
        query.type().ifPresent(t -> sql.append(" AND type = :type"));
        query.subject().ifPresent(s -> sql.append(" AND subject = :subject"));
        query.before().ifPresent(b -> sql.append(" AND id < :before"));
        sql.append(" ORDER BY id DESC LIMIT :limit");
        List<RecordedSecurityEvent> rows = db.withHandle("list security events", h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", query.limit() + 1);
            query.type().ifPresent(t -> q.bind("type", t));
            query.subject().ifPresent(s -> q.bind("subject", s));
            query.before().ifPresent(b -> q.bind("before", b));
            return q.map(ROW).list();
        });
        return page(rows, query.limit(), false);
    }

    private SecurityEventPage fromRing(SecurityEventQuery query) {
        List<RecordedSecurityEvent> rows = new ArrayList<>();
        long newest = localIds.get();
        for (long id = newest; id > 0 && id > newest - RING_SIZE && rows.size() <= query.limit(); id--) {
            RecordedSecurityEvent e = ring.get((int) (id % RING_SIZE));
            if (e != null && e.id() == id && query.matches(e)) {
                rows.add(e);
            }
        }
        return page(rows, query.limit(), true);
    }

    private static SecurityEventPage page(List<RecordedSecurityEvent> rows, int limit, boolean thisProcessOnly) {
        if (rows.size() <= limit) {
            return new SecurityEventPage(rows, Optional.empty(), thisProcessOnly);
        }
        List<RecordedSecurityEvent> page = rows.subList(0, limit);
        return new SecurityEventPage(page, Optional.of(page.get(limit - 1).id()), thisProcessOnly);
    }

    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            String pair = URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8);
            if (out.length() + pair.length() + 1 > MAX_FIELDS) {
                break; // a field that would not fit is left out whole, never cut in the middle of an escape
            }
            out.append(out.length() == 0 ? "" : "&").append(pair);
        }
        return out.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
