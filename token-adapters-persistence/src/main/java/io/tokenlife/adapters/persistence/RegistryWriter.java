package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.out.IssuedTokenStore.DuplicateJtiException;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the registry rows of newly issued tokens: {@link #record} queues the row and waits; one writer thread
 * takes everything queued (up to {@link #MAX_BATCH} rows), writes it as one JDBC batch in one durable
 * transaction and completes each waiter after the commit. A row is therefore still on the disk before its
 * token is handed out, but one commit (one WAL flush on PostgreSQL, one {@code CHECKPOINT SYNC} on an H2
 * file) serves every token issued meanwhile, issuance holds one pooled connection instead of all of them,
 * and waiters are served in arrival order. With one caller a batch is one row, as before.
 *
 * <p>A batch the database refuses (a duplicate jti, a value out of range) is rolled back and written again
 * row by row, so that only the offending waiter fails ({@link DuplicateJtiException}, or the refusal as a
 * {@link RejectedValueException}); a database that cannot be reached fails every waiter of the batch with
 * {@link StoreUnavailableException} (503), as a direct write did.
 */
final class RegistryWriter implements AutoCloseable {
    static final int MAX_BATCH = 256;
    static final String INSERT = "INSERT INTO issued_tokens (" + TokenRows.COLUMNS + ") VALUES "
            + "(:jti, :subject, :source, :tokenUse, :name, :scope, :issuedAt, :expiresAt, "
            + ":revokedAt, :revokedBy, :reason, :lastUsedAt, :kid, :familyId)";

    private final Database db;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** A row and its waiter. */
    record Pending(TokenRecord row, CompletableFuture<Void> done) {
        Pending(TokenRecord row) {
            this(row, new CompletableFuture<>());
        }
    }

    RegistryWriter(Database db) {
        this.db = db;
        this.writer = new Thread(this::run, "tokenlife-registry-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the row and returns once it is committed; throws what the write threw. */
    void record(TokenRecord row) {
        if (closed) {
            throw new StoreUnavailableException("the registry is closed", null);
        }
        Pending pending = new Pending(row);
        queue.add(pending);
        if (closed) {
            failQueued(); // closed between the check and the add: the writer may be gone, don't wait for it
        }
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new StoreUnavailableException("the registry write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the row may still be written; the caller's request fails and its token is never handed out
            throw new StoreUnavailableException("interrupted while the registry row was written", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                batch.forEach(p -> p.done().completeExceptionally(e)); // never leave a waiter hanging
            } finally {
                batch.clear();
            }
        }
        failQueued();
    }

    /** One batch: all rows in one durable transaction, or, if the database refuses a value, row by row. */
    void write(List<Pending> batch) {
        try {
            db.durably("record tokens", h -> {
                PreparedBatch insert = h.prepareBatch(INSERT);
                for (Pending p : batch) {
                    bind(insert, p.row()).add();
                }
                return insert.execute();
            });
            batch.forEach(p -> p.done().complete(null));
        } catch (RejectedValueException refused) {
            batch.forEach(this::writeAlone);
        } catch (RuntimeException unavailable) {
            batch.forEach(p -> p.done().completeExceptionally(unavailable));
        }
    }

    private void writeAlone(Pending p) {
        try {
            db.durably("record token", h -> insertOne(h, p.row()));
            p.done().complete(null);
        } catch (RejectedValueException e) {
            p.done().completeExceptionally(Database.isUniqueViolation(e) ? new DuplicateJtiException(p.row().jti()) : e);
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
    }

    private static int insertOne(Handle h, TokenRecord row) {
        return bind(h.createUpdate(INSERT), row).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, TokenRecord row) {
        return statement
                .bind("jti", row.jti())
                .bind("subject", row.subject())
                .bind("source", row.source().wireName())
                .bind("tokenUse", row.tokenUse().wireName())
                .bind("name", row.name())
                .bind("scope", row.scope())
                .bind("issuedAt", Millis.of(row.issuedAt()))
                .bind("expiresAt", Millis.of(row.expiresAt()))
                .bind("revokedAt", Millis.of(row.revokedAt()))
                .bind("revokedBy", row.revokedBy())
                .bind("reason", row.reason())
                .bind("lastUsedAt", Millis.of(row.lastUsedAt()))
                .bind("kid", row.keyId())
                .bind("familyId", row.familyId());
    }

    private void failQueued() {
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new StoreUnavailableException("the registry is closed", null));
        }
    }

    /**
     * Stops the writer after the batch in progress; rows still queued fail as unavailable. Not by an
     * interrupt: H2 closes its file when a thread in its I/O is interrupted.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }
}
