package io.tokenlife.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI and the service on one database, as an operator runs them: a token created by
 * {@code bin/tokenlife} is accepted by {@code bin/tokenlife-server}; revoked by the CLI, it is rejected by
 * the running service within the propagation bound (H2: the catch-up; PostgreSQL: LISTEN/NOTIFY).
 */
class CliAndServerRoundTripIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "system-test-secret-0123456789-abcdefghijklmnop";

    @TempDir
    Path dir;

    @Test
    void aCliTokenIsAcceptedByTheServiceAndItsCliRevocationReachesItOverAnH2File() throws Exception {
        Duration delay = roundTrip(Map.of("JWT_SECRET_KEY", SECRET,
                "DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data/tokenlife")));
        System.out.println("H2 file: revocation by the CLI seen by the service after " + delay.toMillis() + " ms");
        assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCliTokenIsAcceptedByTheServiceAndItsCliRevocationReachesItOverPostgres() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.createOrSkip()) {
            Duration delay = roundTrip(Map.of("JWT_SECRET_KEY", SECRET, "DATABASE_URL", db.url()));
            System.out.println("PostgreSQL: revocation by the CLI seen by the service after " + delay.toMillis() + " ms");
            assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    /** @return the delay from the CLI's acknowledged revocation (its exit) to the service's rejection */
    private Duration roundTrip(Map<String, String> env) throws Exception {
        try (Launchers.Server server = Launchers.Server.start(dir, env)) {
            Launchers.Result created = Launchers.cli(dir, env, "token", "create", "--subject", "carol@example.com", "--admin");
            assertThat(created.exit()).as(created.toString()).isZero();
            String token = created.out().strip();

            HttpResponse<String> accepted = server.get("/tokens", token);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body()).get("items").get(0).get("source").asText()).isEqualTo("cli");

            Launchers.Result decoded = Launchers.cli(dir, env, "token", "decode", "--json", token);
            String jti = JSON.readTree(decoded.out()).get("claims").get("jti").asText();
            Launchers.Result revoked = Launchers.cli(dir, env, "token", "revoke", jti, "--reason", "incident drill");
            long acknowledged = System.nanoTime();
            assertThat(revoked.exit()).as(revoked.toString()).isZero();

            HttpResponse<String> rejected = server.get("/tokens", token);
            while (rejected.statusCode() == 200 && System.nanoTime() - acknowledged < 5_000_000_000L) {
                Thread.sleep(5);
                rejected = server.get("/tokens", token);
            }
            Duration delay = Duration.ofNanos(System.nanoTime() - acknowledged);
            assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(401);
            JsonNode problem = JSON.readTree(rejected.body());
            assertThat(problem.get("code").asText()).isEqualTo("token_revoked");

            Launchers.Result listed = Launchers.cli(dir, env, "token", "list", "--status", "revoked", "--json");
            JsonNode row = JSON.readTree(listed.out()).get("items").get(0);
            assertThat(row.get("jti").asText()).isEqualTo(jti);
            assertThat(row.get("reason").asText()).isEqualTo("incident drill");
            return delay;
        }
    }
}
