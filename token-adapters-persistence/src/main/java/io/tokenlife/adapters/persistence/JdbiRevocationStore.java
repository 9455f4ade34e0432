package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.revocation.Cutoffs;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.RevocationIndex;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * Revocations by jti and by cut-off. Each write takes the next revocation sequence number under the
 * {@code revocation_sequence} row lock, marks the registry rows in the same transaction, notifies the
 * other processes (PostgreSQL) and, once committed, hands the change to this process's index (its single
 * writer, {@link RevocationIndex#apply}) before returning.
 */
final class JdbiRevocationStore implements RevocationStore {
    static final String CHANNEL = "tokenlife_revocations";

    private final Database db;
    private final RevocationIndex index;

    JdbiRevocationStore(Database db, RevocationIndex index) {
        this.db = db;
        this.index = index;
    }

    @Override
    public boolean revoke(Revocation revocation) {
        Limits.checkJti(revocation.jti());
        Limits.checkSubject(revocation.subject());
        Outcome outcome = db.durably("revoke token", h -> {
            long seq = lockSequence(h) + 1;
            Optional<Long> existing = h.createQuery("SELECT expires_at FROM jti_revocations WHERE jti = :jti")
                    .bind("jti", revocation.jti())
                    .map((rs, ctx) -> {
                        long v = rs.getLong(1);
                        return rs.wasNull() ? Long.MAX_VALUE : v;
                    })
                    .findOne();
            if (existing.isPresent()) {
                return new Outcome(false, existing.get());
            }
            h.createUpdate("INSERT INTO jti_revocations (jti, subject, revoked_at, revoked_by, reason, expires_at, seq) "
                            + "VALUES (:jti, :subject, :revokedAt, :revokedBy, :reason, :expiresAt, :seq)")
                    .bind("jti", revocation.jti())
                    .bind("subject", revocation.subject())
                    .bind("revokedAt", revocation.revokedAt().toEpochMilli())
                    .bind("revokedBy", revocation.revokedBy())
                    .bind("reason", revocation.reason())
                    .bind("expiresAt", Millis.of(revocation.expiresAt()))
                    .bind("seq", seq)
                    .execute();
            h.createUpdate("UPDATE issued_tokens SET revoked_at = :revokedAt, revoked_by = :revokedBy, reason = :reason "
                            + "WHERE jti = :jti AND revoked_at IS NULL")
                    .bind("jti", revocation.jti())
                    .bind("revokedAt", revocation.revokedAt().toEpochMilli())
                    .bind("revokedBy", revocation.revokedBy())
                    .bind("reason", revocation.reason())
                    .execute();
            advanceSequence(h, seq, RevocationEvent.jti(seq, revocation.jti(), Millis.expiry(revocation.expiresAt())));
            return new Outcome(true, Millis.expiry(revocation.expiresAt()));
        });
        // also when it was revoked already: another process's revocation may not have reached us yet
        index.apply(new JtiRevocations.Revoked(revocation.jti(), outcome.expiresAtMillis()));
        return outcome.newlyRevoked();
    }

    private record Outcome(boolean newlyRevoked, long expiresAtMillis) {
    }

    @Override
    public void revokeAll(RevocationCutoff cutoff) {
        String kind = cutoff.subject().isPresent() ? "subject" : "global";
        String subject = cutoff.subject().orElse("");
        Limits.checkSubject(subject);
        long cutoffMillis = cutoff.cutoffMillis();
        db.durably("revoke all", h -> {
            long seq = lockSequence(h) + 1;
            Optional<Long> current = h.createQuery("SELECT cutoff FROM revocation_cutoffs WHERE kind = :kind AND subject = :subject")
                    .bind("kind", kind).bind("subject", subject)
                    .mapTo(Long.class).findOne();
            boolean changed = true;
            if (current.isEmpty()) {
                h.createUpdate("INSERT INTO revocation_cutoffs (kind, subject, cutoff, revoked_by, reason, seq) "
                                + "VALUES (:kind, :subject, :cutoff, :revokedBy, :reason, :seq)")
                        .bind("kind", kind).bind("subject", subject).bind("cutoff", cutoffMillis)
                        .bind("revokedBy", cutoff.revokedBy()).bind("reason", cutoff.reason()).bind("seq", seq)
                        .execute();
            } else if (Cutoffs.replaces(cutoffMillis, current.get())) {
                h.createUpdate("UPDATE revocation_cutoffs SET cutoff = :cutoff, revoked_by = :revokedBy, "
                                + "reason = :reason, seq = :seq WHERE kind = :kind AND subject = :subject")
                        .bind("kind", kind).bind("subject", subject).bind("cutoff", cutoffMillis)
                        .bind("revokedBy", cutoff.revokedBy()).bind("reason", cutoff.reason()).bind("seq", seq)
                        .execute();
            } else {
                changed = false; // an earlier (or equal) cut-off never undoes a later one
            }
            // the registry's view of Cutoffs.covers: issued at or before the cut-off
            h.createUpdate("UPDATE issued_tokens SET revoked_at = :cutoff, revoked_by = :revokedBy, reason = :reason "
                            + "WHERE revoked_at IS NULL AND issued_at <= :cutoff"
                            + (cutoff.subject().isPresent() ? " AND subject = :subject" : ""))
                    .bind("cutoff", cutoffMillis).bind("revokedBy", cutoff.revokedBy()).bind("reason", cutoff.reason())
                    .bind("subject", subject)
                    .execute();
            if (changed) {
                advanceSequence(h, seq, cutoff.subject().isPresent()
                        ? RevocationEvent.subjectCutoff(seq, subject, cutoffMillis)
                        : RevocationEvent.globalCutoff(seq, cutoffMillis));
            }
            return null;
        });
        index.apply(cutoff.change());
    }

    @Override
    public int purgeExpiredRevocations(Instant before) {
        int deleted = db.withHandle("purge revocations", h -> h.createUpdate(
                        "DELETE FROM jti_revocations WHERE expires_at IS NOT NULL AND expires_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
        index.dropExpiredBefore(before);
        return deleted;
    }

    /** Locks the sequence row until commit: revocation writers run one at a time, in sequence order. */
    private static long lockSequence(Handle h) {
        return h.createQuery("SELECT last_seq FROM revocation_sequence WHERE id = 1 FOR UPDATE")
                .mapTo(Long.class).one();
    }

    private void advanceSequence(Handle h, long seq, RevocationEvent event) {
        h.createUpdate("UPDATE revocation_sequence SET last_seq = :seq WHERE id = 1").bind("seq", seq).execute();
        if (db.isPostgres()) {
            // delivered at commit, only if the transaction commits; the payload carries the change itself
            h.execute("SELECT pg_notify(?, ?)", CHANNEL, event.encode());
        }
    }
}
