package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.SubjectCutoffs;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.revocation.RevocationState;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The default storage: an H2 file, created on first start, whose contents survive a restart. */
class H2FileDatabaseTest {
    @Test
    void registryRevocationsCutoffsAndUsersSurviveReopeningTheFile(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("data/tokenlife");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jti = UUID.randomUUID().toString();
        TokenRecord token = new TokenRecord(jti, "alice@example.com", TokenSource.CLI, TokenUse.API, "ci", "read",
                now, now.plusSeconds(3600), null, null, null, null);

        try (PersistenceAdapters first = PersistenceAdapters.open(TestDatabases.settings(url), Clock.systemUTC())) {
            assertThat(first.migrate()).as("every migration in db/migration").isEqualTo(migrationFiles());
            first.startRevocationSync();
            first.registry().record(token);
            first.revocations().revoke(new Revocation(jti, "alice@example.com", now, "admin", "leaked", now.plusSeconds(3600)));
            first.revocations().revokeAll(RevocationCutoff.forSubject("bob@example.com", now, "admin", null));
            first.users().create(new User("carol@example.com", "Carol", "$2a$11$x", false, true, now, now));
            first.registry().touch(jti, now.plusSeconds(5));
        }
        assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();

        try (PersistenceAdapters second = PersistenceAdapters.open(TestDatabases.settings(url), Clock.systemUTC())) {
            assertThat(second.migrate()).isZero();
            second.startRevocationSync();

            TokenRecord stored = second.registry().find(jti).orElseThrow();
            assertThat(stored.reason()).isEqualTo("leaked");
            assertThat(stored.lastUsedAt()).as("buffered last use written on close").isEqualTo(now.plusSeconds(5));
            assertThat(second.revocationIndex().check(jti, "alice@example.com", now)).isEqualTo(JtiRevocations.REVOKED);
            assertThat(second.revocationIndex().check(null, "bob@example.com", now)).isEqualTo(SubjectCutoffs.REVOKED);
            assertThat(second.revocationIndex().inSync()).isTrue();
            assertThat(second.users().find("CAROL@example.com")).isPresent();
        }
    }

    /** The migrations on the classpath, counted so a new one does not need this test changed. */
    private static long migrationFiles() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(
                H2FileDatabaseTest.class.getResource("/db/migration").toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
