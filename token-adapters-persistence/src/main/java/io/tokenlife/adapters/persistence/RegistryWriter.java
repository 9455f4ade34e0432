package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.out.IssuedTokenStore.DuplicateJtiException;
import io.tokenlife.domain.port.out.StoreUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the registry rows of newly issued tokens: {@link #record} queues the row and waits; one writer thread
 * takes everything queued (up to {@link #MAX_BATCH} rows), commits it as one JDBC batch in one transaction,
 * forces it to the device ({@link Database#forceCommitted}: one {@code FileChannel.force} on an H2 file, whose
 * commit has already written its chunk; nothing more on PostgreSQL, whose commit is durable) and completes each
 * waiter after the force. A row is therefore on the disk before its token is handed out, but one commit and one
 * force serve every token issued meanwhile (the queue fills while a batch is being forced), issuance holds one
 * pooled connection instead of all of them, and waiters are served in arrival order. With one caller a batch
 * is one row. The batch goes through plain JDBC and the force through H2's store, not Jdbi and
 * {@code CHECKPOINT SYNC}: a third less CPU per batch (ADR 0010, bench/README.md).
 *
 * <p>A batch the database refuses (a duplicate jti, a value out of range) is rolled back and committed again
 * row by row, so that only the offending waiter fails ({@link DuplicateJtiException}, or the refusal as a
 * {@link RejectedValueException}); a database that cannot be reached, or a force that fails, fails every waiter
 * of the batch with {@link StoreUnavailableException} (503), as a direct write did.
 */
final class RegistryWriter implements AutoCloseable {
    static final int MAX_BATCH = 256;
    static final String INSERT = "INSERT INTO issued_tokens (" + TokenRows.COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final long POLL_MILLIS = 100;

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

    /** Queues the row and returns once it is committed and forced; throws what the write threw. */
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
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
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

    /** One batch: committed (all rows in one transaction, or row by row), forced, its waiters completed. */
    void write(List<Pending> batch) {
        force(commit(batch));
    }

    /**
     * Commits the batch in one transaction, or, if the database refuses a value, row by row; completes the
     * waiters that failed and returns those whose rows are committed (not yet forced).
     */
    private List<Pending> commit(List<Pending> batch) {
        try {
            db.withConnection("record tokens", c -> insert(c, batch));
            return batch;
        } catch (RejectedValueException refused) {
            List<Pending> done = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                if (commitAlone(p)) {
                    done.add(p);
                }
            }
            return done;
        } catch (RuntimeException unavailable) {
            batch.forEach(p -> p.done().completeExceptionally(unavailable));
            return List.of();
        }
    }

    private boolean commitAlone(Pending p) {
        try {
            db.withConnection("record token", c -> insert(c, List.of(p)));
            return true;
        } catch (RejectedValueException e) {
            p.done().completeExceptionally(Database.isUniqueViolation(e) ? new DuplicateJtiException(p.row().jti()) : e);
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
        return false;
    }

    /** Forces the committed rows to the device, then releases their waiters. */
    private void force(List<Pending> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            db.forceCommitted("record tokens");
        } catch (RuntimeException unavailable) {
            done.forEach(p -> p.done().completeExceptionally(unavailable));
            return;
        }
        done.forEach(p -> p.done().complete(null));
    }

    /** One transaction, one JDBC batch; the pool resets auto-commit when the connection goes back. */
    private static int insert(Connection c, List<Pending> rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Pending p : rows) {
                bind(insert, p.row());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
            return rows.size();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** In {@link TokenRows#COLUMNS}'s order. */
    private static void bind(PreparedStatement s, TokenRecord row) throws SQLException {
        s.setString(1, row.jti());
        s.setString(2, row.subject());
        s.setString(3, row.source().wireName());
        s.setString(4, row.tokenUse().wireName());
        s.setString(5, row.name());
        s.setString(6, row.scope());
        millis(s, 7, row.issuedAt());
        millis(s, 8, row.expiresAt());
        millis(s, 9, row.revokedAt());
        s.setString(10, row.revokedBy());
        s.setString(11, row.reason());
        millis(s, 12, row.lastUsedAt());
        s.setString(13, row.keyId());
        s.setString(14, row.familyId());
    }

    private static void millis(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, instant.toEpochMilli());
        }
    }

    private void failQueued() {
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(new StoreUnavailableException("the registry is closed", null));
        }
    }

    /**
     * Stops the writer after the batch in progress; rows still queued fail as unavailable. Not by an interrupt:
     * H2 closes its file when a thread in its I/O is interrupted.
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
