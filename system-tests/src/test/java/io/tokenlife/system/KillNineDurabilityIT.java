package io.tokenlife.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded default ({@code DATABASE_URL} unset: an H2 file under {@code ./data}), what the service
 * acknowledged is on disk when the answer goes out: {@code bin/tokenlife-server} is killed with SIGKILL right
 * after its last 204 to {@code DELETE /tokens/{jti}}, and the next start — immediately, over the lock the dead
 * process left — succeeds the first time and still refuses every revoked token and lists every issued one.
 */
class KillNineDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ISSUED = 100;
    private static final int REVOKED = 80;
    private static final Map<String, String> ENV = Map.of(
            "JWT_SECRET_KEY", "kill-nine-test-secret-0123456789-abcdefghijklmnop",
            "PLATFORM_ADMIN_EMAIL", "admin@example.com",
            "PLATFORM_ADMIN_PASSWORD", "kill-nine-admin-password");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRevocationAndIssuanceSurvivesKillNineAndTheRestartSucceedsFirstTime() throws Exception {
        String admin;
        List<String[]> issued = new ArrayList<>(); // {jti, token}
        long killedAfterLastAnswerNanos;
        long started = System.nanoTime();
        Launchers.Server first = Launchers.Server.start(dir, ENV);
        System.out.printf("first start: ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try {
            long issuing = System.nanoTime();
            admin = accessToken(first.postJson("/auth/login", null,
                    "{\"email\":\"admin@example.com\",\"password\":\"kill-nine-admin-password\"}"), 200);
            for (int i = 0; i < ISSUED; i++) {
                JsonNode created = JSON.readTree(requireStatus(first.postJson("/tokens", admin,
                        "{\"name\":\"crash-" + i + "\",\"expires_in_days\":1}"), 201).body());
                issued.add(new String[] {created.get("jti").asText(), created.get("access_token").asText()});
            }
            long revoking = System.nanoTime();
            System.out.printf("%d tokens issued in %d ms%n", ISSUED, (revoking - issuing) / 1_000_000);
            long lastAnswer = 0;
            for (int i = 0; i < REVOKED; i++) {
                requireStatus(first.delete("/tokens/" + issued.get(i)[0], admin), 204);
                lastAnswer = System.nanoTime();
            }
            System.out.printf("%d revocations acknowledged in %d ms (%.2f ms each)%n", REVOKED,
                    (lastAnswer - revoking) / 1_000_000, (lastAnswer - revoking) / 1e6 / REVOKED);
            first.kill(); // SIGKILL now: no shutdown hook, nothing flushed after the answer
            killedAfterLastAnswerNanos = System.nanoTime() - lastAnswer;
        } finally {
            first.close();
        }
        assertThat(Files.exists(dir.resolve("data/tokenlife.mv.db"))).as("the embedded default was used").isTrue();
        System.out.printf("kill -9 %.1f ms after the last 204 (pid %d)%n", killedAfterLastAnswerNanos / 1e6, first.pid());

        long restart = System.nanoTime();
        try (Launchers.Server second = Launchers.Server.start(dir, ENV)) {
            System.out.printf("restart after kill -9: ready in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
            assertThat(second.log()).doesNotContain("FAIL-CLOSED");
            int lost = 0;
            for (int i = 0; i < REVOKED; i++) {
                HttpResponse<String> presented = second.get("/tokens/" + issued.get(i)[0], issued.get(i)[1]);
                if (presented.statusCode() != 401 || !presented.body().contains("token_revoked")) {
                    lost++;
                }
            }
            int missing = 0;
            for (int i = REVOKED; i < ISSUED; i++) {
                HttpResponse<String> metadata = second.get("/tokens/" + issued.get(i)[0], admin);
                if (metadata.statusCode() != 200 || !"active".equals(JSON.readTree(metadata.body()).get("status").asText())) {
                    missing++;
                }
            }
            System.out.printf("after restart: %d of %d acknowledged revocations lost, %d of %d issued tokens missing%n",
                    lost, REVOKED, missing, ISSUED - REVOKED);
            assertThat(lost).as("acknowledged revocations lost").isZero();
            assertThat(missing).as("issued tokens missing from the registry").isZero();
        }
    }

    private static String accessToken(HttpResponse<String> response, int status) throws Exception {
        return JSON.readTree(requireStatus(response, status).body()).get("access_token").asText();
    }

    private static HttpResponse<String> requireStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
