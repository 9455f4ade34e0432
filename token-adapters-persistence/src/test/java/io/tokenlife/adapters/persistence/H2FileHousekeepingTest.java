package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write-through commits ({@code WRITE_DELAY=0}) stop H2's background housekeeping; {@link Database#houseKeep()}
 * stands in for it, so an embedded file that takes one durable write after another keeps reusing its space
 * instead of growing by every {@code RETENTION_TIME=0} lets freed chunks be reused
 * at once here (45 s otherwise), so that the test sees in a second what a server sees in a minute.
 */
class H2FileHousekeepingTest {
    private static final int WRITES = 300;

    @TempDir
    Path dir;

    @Test
    void withHousekeepingTheChunksStayFullerSoThatTheirSpaceCanBeReused() {
        int without = chunksFillRateAfterCommits("without", false);
        int with = chunksFillRateAfterCommits("with", true);

        System.out.printf("H2 chunks fill rate after %d commits: %d %% without housekeeping, %d %% with%n",
                WRITES, without, with);
        assertThat(with).as("with housekeeping (without: %d %%)", without).isGreaterThanOrEqualTo(without + 10);
    }

    private int chunksFillRateAfterCommits(String name, boolean houseKeep) {
        Path file = dir.resolve(name);
        long start = System.nanoTime();
        try (Database db = new Database("jdbc:h2:file:" + file + ";RETENTION_TIME=0", name, Duration.ofSeconds(2))) {
            db.durably("create", h -> h.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100))"));
            for (int i = 0; i < WRITES; i++) {
                int id = i;
                db.withHandle("insert", h -> h.execute("INSERT INTO t VALUES (?, ?)", id, "row " + id));
                if (houseKeep && i % 20 == 19) {
                    db.houseKeep();
                }
            }
            System.out.printf("%s: %.2f ms per write-through commit%n", name, (System.nanoTime() - start) / 1e6 / WRITES);
            return db.withHandle("fill rate", h -> h.createQuery("SELECT CAST(SETTING_VALUE AS INT) FROM "
                    + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'").mapTo(Integer.class).one());
        }
    }
}
