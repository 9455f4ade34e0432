package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.IssuedTokenStore.DuplicateJtiException;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batching registry writer on a real database; H2 and PostgreSQL run the same cases. */
abstract class RegistryWriterContract {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private PersistenceAdapters adapters;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A migrated, empty database's DATABASE_URL. */
    abstract String freshUrl();

    /** Drops what {@link #freshUrl} made. */
    abstract void drop();

    private IssuedTokenStore registry() {
        adapters = TestDatabases.started(freshUrl(), Clock.systemUTC(), PersistenceOptions.defaults());
        return adapters.registry();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (adapters != null) {
            adapters.close();
        }
        drop();
    }

    private static TokenRecord token(String jti) {
        return new TokenRecord(jti, "alice@example.com", TokenSource.API, TokenUse.API, "n", null, NOW,
                NOW.plusSeconds(3600), null, null, null, null);
    }

    private RegistryWriter secondWriterOnTheSameDatabase(String url) {
        Database db = new Database(url, "test", Duration.ofSeconds(2));
        RegistryWriter writer = new RegistryWriter(db);
        opened.add(db);
        opened.add(0, writer);
        return writer;
    }

    @Test
    void manyCallersAtOnceAreAllRecordedDurably() throws Exception {
        IssuedTokenStore registry = registry();
        Queue<String> jtis = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            callers.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    String jti = UUID.randomUUID().toString();
                    try {
                        registry.record(token(jti));
                        jtis.add(jti);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        callers.forEach(Thread::start);
        for (Thread t : callers) {
            t.join();
        }

        assertThat(failures).isEmpty();
        assertThat(jtis).hasSize(400).allSatisfy(jti -> assertThat(registry.find(jti)).isPresent());
    }

    @Test
    void aDuplicateJtiStillFailsAlone() {
        IssuedTokenStore registry = registry();
        registry.record(token("taken"));

        assertThatThrownBy(() -> registry.record(token("taken"))).isInstanceOf(DuplicateJtiException.class);
        registry.record(token("free"));
        assertThat(registry.find("free")).isPresent();
    }

    @Test
    void aRefusedRowInABatchFailsOnlyItsWaiter() {
        String url = freshUrl();
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        adapters.registry().record(token("taken"));
        RegistryWriter writer = secondWriterOnTheSameDatabase(url);
        TokenRecord tooLong = new TokenRecord("too-long", "x".repeat(400) + "@example.com", TokenSource.API,
                TokenUse.API, "n", null, NOW, NOW.plusSeconds(60), null, null, null, null);
        List<RegistryWriter.Pending> batch = List.of(new RegistryWriter.Pending(token("first")),
                new RegistryWriter.Pending(token("taken")), new RegistryWriter.Pending(tooLong),
                new RegistryWriter.Pending(token("last")));

        writer.write(batch);

        assertThat(batch.get(0).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(failure(batch.get(1))).isInstanceOf(DuplicateJtiException.class);
        assertThat(failure(batch.get(2))).isInstanceOf(RejectedValueException.class);
        assertThat(batch.get(3).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(adapters.registry().find("first")).isPresent();
        assertThat(adapters.registry().find("last")).isPresent();
        assertThat(adapters.registry().find("too-long")).isEmpty();
    }

    @Test
    void anUnreachableDatabaseFailsEveryWaiterAsUnavailable() throws Exception {
        String url = freshUrl();
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        Database db = new Database(url, "test", Duration.ofSeconds(1));
        RegistryWriter writer = new RegistryWriter(db);
        opened.add(writer);
        db.close();
        List<RegistryWriter.Pending> batch = List.of(new RegistryWriter.Pending(token("a")),
                new RegistryWriter.Pending(token("b")), new RegistryWriter.Pending(token("c")));

        writer.write(batch);

        assertThat(batch).allSatisfy(p -> assertThat(failure(p)).isInstanceOf(StoreUnavailableException.class));
        assertThat(adapters.registry().find("a")).isEmpty();
    }

    @Test
    void aClosedWriterRefusesAsUnavailable() throws Exception {
        String url = freshUrl();
        adapters = TestDatabases.started(url, Clock.systemUTC(), PersistenceOptions.defaults());
        RegistryWriter writer = secondWriterOnTheSameDatabase(url);
        writer.close();

        assertThatThrownBy(() -> writer.record(token("late"))).isInstanceOf(StoreUnavailableException.class);
    }

    private static Throwable failure(RegistryWriter.Pending p) {
        assertThat(p.done()).isCompletedExceptionally();
        try {
            p.done().get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
