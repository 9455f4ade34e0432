package io.tokenlife.app.cli.process;

import io.tokenlife.app.cli.process.CliProcess.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real CLI across processes over real databases: a token created by one process is verified by
 * another, revoked by a third, and rejected as token_revoked by a fourth.
 */
class CliRoundTripIT {
    private static final String SECRET = "round-trip-secret-0123456789-0123456789-abcdef";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static String pgDatabase;

    @TempDir
    Path dir;

    @BeforeEach
    void adapters() {
        Adapters.assumeLanded();
    }

    private CliProcess cli(String databaseUrl) {
        return new CliProcess(dir).env("JWT_SECRET_KEY", SECRET).env("DATABASE_URL", databaseUrl);
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("db/tokenlife").toAbsolutePath();
    }

    /** An H2 file created as the server or an operator creates it: the other commands never create one. */
    private CliProcess migratedH2() {
        CliProcess cli = cli(h2());
        Result migrated = cli.run("db", "migrate");
        assertThat(migrated.exit()).as(migrated.toString()).isZero();
        return cli;
    }

    private static void roundTrip(CliProcess cli) {
        Result created = cli.run("token", "create", "--subject", "alice@example.com", "--jti", "rt-1", "--exp", "10");
        assertThat(created.exit()).as(created.toString()).isZero();
        String token = created.out().strip();
        assertThat(token.split("\\.")).hasSize(3);

        Result valid = cli.runWithInput(token, "token", "verify", "-");
        assertThat(valid.exit()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("valid").contains("jti: rt-1");
        assertThat(valid.err()).doesNotContain("NOT checked");

        Result listed = cli.run("token", "list", "--source", "cli", "--json");
        assertThat(listed.out()).contains("\"jti\" : \"rt-1\"").contains("\"status\" : \"active\"");

        Result revoked = cli.run("token", "revoke", "rt-1", "--reason", "round trip");
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("revoked jti rt-1 of alice@example.com");

        Result rejected = cli.run("token", "verify", "--json", token);
        assertThat(rejected.exit()).as(rejected.toString()).isEqualTo(1);
        assertThat(rejected.out()).contains("\"code\" : \"token_revoked\"");

        Result unknown = cli.run("token", "revoke", "never-issued");
        assertThat(unknown.exit()).as(unknown.toString()).isZero();
        assertThat(unknown.out()).contains("not in the registry");
    }

    @Test
    void a_token_created_by_one_process_is_verified_and_revoked_by_others_over_an_h2_file() {
        roundTrip(migratedH2());
    }

    @Test
    void revoke_all_before_now_rejects_earlier_tokens_in_a_new_process() {
        CliProcess cli = migratedH2();
        String token = cli.run("token", "create", "--subject", "bob@example.com").out().strip();

        Result all = cli.run("token", "revoke-all", "--before", "now", "--reason", "drill");
        Result verdict = cli.run("token", "verify", token);

        assertThat(all.exit()).as(all.toString()).isZero();
        assertThat(verdict.exit()).isEqualTo(1);
        assertThat(verdict.out()).contains("rejected: token_revoked");
    }

    @Test
    void users_are_added_listed_and_disabled_in_the_database() {
        CliProcess cli = migratedH2();

        Result added = cli.runWithInput("a-long-password\n", "user", "add", "carol@example.com", "--password-stdin", "--admin");
        Result duplicate = cli.run("user", "add", "carol@example.com");
        Result disabled = cli.run("user", "disable", "carol@example.com");
        Result listed = cli.run("user", "list", "--json");

        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");
        assertThat(disabled.exit()).as(disabled.toString()).isZero();
        assertThat(listed.out()).contains("\"email\" : \"carol@example.com\"").contains("\"active\" : false")
                .doesNotContain("a-long-password");
    }

    @Test
    void db_migrate_and_info_work_on_a_fresh_h2_file() {
        CliProcess cli = cli(h2());

        Result migrate = cli.run("db", "migrate");
        Result info = cli.run("db", "info");

        assertThat(migrate.exit()).as(migrate.toString()).isZero();
        assertThat(info.exit()).as(info.toString()).isZero();
        assertThat(info.out()).contains("reachable: true").contains("h2 (file)");
    }

    @Test
    void offline_commands_need_no_database() throws Exception {
        CliProcess cli = cli("jdbc:postgresql://127.0.0.1:1/x");

        Result created = cli.run("token", "create", "--subject", "dave@example.com", "--no-db");
        Result verified = cli.run("token", "verify", created.out().strip());
        Result keys = cli.run("keys", "generate", "--alg", "ES256", "--out", dir.resolve("keys").toString());
        Result jwks = cli.run("keys", "jwks", "--public-key", dir.resolve("keys/public.pem").toString());
        Result secret = cli.run("keys", "generate", "--alg", "HS256");
        Result check = cli.run("config", "check");

        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.err()).contains("NOT checked");
        assertThat(keys.exit()).as(keys.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(jwks.exit()).as(jwks.toString()).isZero();
        assertThat(jwks.out()).contains("\"kty\"").contains("EC").doesNotContain("\"d\"");
        assertThat(secret.out().strip().length()).isGreaterThanOrEqualTo(43);
        assertThat(check.exit()).as(check.toString()).isZero();
    }

    @Test
    void config_check_fails_closed_on_a_short_secret_in_production() {
        Result r = new CliProcess(dir).env("ENVIRONMENT", "production").env("JWT_SECRET_KEY", "short-secret")
                .env("JWT_ALGORITHM", "HS256").run("config", "check");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("secret_too_short").contains("FAIL-CLOSED").doesNotContain("short-secret");
    }

    @Test
    void a_token_created_by_one_process_is_verified_and_revoked_by_others_over_postgresql() throws Exception {
        Assumptions.assumeTrue(pgDatabase != null, "PostgreSQL not reachable at 127.0.0.1:5432: skipped");
        roundTrip(cli(PG + pgDatabase + "?user=postgres"));
    }

    @BeforeAll
    static void createPostgresDatabase() throws SQLException {
        String name = "tokenlife_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            pgDatabase = name;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("TOKENLIFE_REQUIRE_POSTGRES"))) {
                throw e;
            }
            System.err.println("PostgreSQL not reachable at 127.0.0.1:5432: skipped (" + e.getMessage() + ")");
        }
    }

    @AfterAll
    static void dropPostgresDatabase() throws SQLException {
        if (pgDatabase == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
        }
    }
}
