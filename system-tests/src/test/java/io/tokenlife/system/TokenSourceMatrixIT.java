package io.tokenlife.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a token is born — login, admin UI, API, SSO, CLI — through the real service and the real CLI:
 * each token has a UUID jti, carries {@code env} exactly when EMBED_ENVIRONMENT_IN_TOKENS is on, is in the
 * registry with its source, and once revoked is rejected with token_revoked by the service and by
 * {@code tokenlife token verify}.
 */
class TokenSourceMatrixIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "EMBED_ENVIRONMENT_IN_TOKENS={0}")
    @ValueSource(booleans = {false, true})
    void everySourceGivesARegisteredRevocableTokenWithAJti(boolean embedEnvironment) throws Exception {
        try (ProviderStandIn idp = new ProviderStandIn()) {
            Map<String, String> env = Map.of(
                    "JWT_SECRET_KEY", "matrix-test-secret-0123456789-abcdefghijklmnopqrstuv",
                    "DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data/tokenlife"),
                    "EMBED_ENVIRONMENT_IN_TOKENS", Boolean.toString(embedEnvironment),
                    "SSO_PROVIDERS_FILE", idp.writeProvidersFile(dir, "idp").toString(),
                    "SECURE_COOKIES", "false");
            // the operator creates the database before the first server start; no other command creates one
            Launchers.Result migrated = Launchers.cli(dir, env, "db", "migrate");
            assertThat(migrated.exit()).as(migrated.toString()).isZero();
            Launchers.Result added = Launchers.cli(dir, env, "user", "add", "alice@example.com", "--password", PASSWORD);
            assertThat(added.exit()).as(added.toString()).isZero();
            String ops = Launchers.cli(dir, env, "token", "create", "--subject", "ops@example.com", "--admin").out().strip();

            try (Launchers.Server server = Launchers.Server.start(dir, env)) {
                Map<String, String> tokens = new LinkedHashMap<>();
                tokens.put("cli", Launchers.cli(dir, env, "token", "create", "--subject", "bob@example.com").out().strip());
                String credentials = "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}";
                tokens.put("login", accessToken(server.postJson("/auth/login", null, credentials)));
                HttpResponse<String> adminLogin = server.postJson("/admin/login", null, credentials);
                assertThat(adminLogin.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("jwt_token="));
                tokens.put("admin_ui", accessToken(adminLogin));
                tokens.put("api", accessToken(server.postJson("/tokens", tokens.get("login"),
                        "{\"name\":\"matrix\",\"expires_in_days\":1}")));
                tokens.put("sso", accessToken(server.postJson("/auth/sso/idp", null,
                        "{\"id_token\":\"" + idp.idToken("carol@example.com") + "\"}")));

                for (Map.Entry<String, String> entry : tokens.entrySet()) {
                    String source = entry.getKey();
                    JsonNode claims = claims(entry.getValue());
                    String jti = claims.get("jti").asText();
                    assertThat(jti).as(source).matches(UUID);
                    assertThat(claims.has("env")).as(source + " env claim").isEqualTo(embedEnvironment);
                    if (embedEnvironment) {
                        assertThat(claims.get("env").asText()).isEqualTo("development");
                    }
                    JsonNode record = JSON.readTree(server.get("/tokens/" + jti, ops).body());
                    assertThat(record.get("source").asText()).as(source).isEqualTo(source);
                    assertThat(record.get("status").asText()).as(source).isEqualTo("active");

                    HttpResponse<String> revoked = server.postForm("/oauth2/revoke", ops, "token=" + entry.getValue());
                    assertThat(revoked.statusCode()).as(source).isEqualTo(200);
                    HttpResponse<String> rejected = server.get("/tokens", entry.getValue());
                    assertThat(rejected.statusCode()).as(source + ": " + rejected.body()).isEqualTo(401);
                    assertThat(JSON.readTree(rejected.body()).get("code").asText()).isEqualTo("token_revoked");
                    Launchers.Result verify = Launchers.cli(dir, env, "token", "verify", entry.getValue());
                    assertThat(verify.exit()).as(source + " " + verify).isEqualTo(1);
                    assertThat(verify.out() + verify.err()).as(source).contains("token_revoked");
                }
            }
        }
    }

    private static String accessToken(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        return body.get("access_token").asText();
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
