package io.tokenlife.app.http.key;

import io.tokenlife.app.http.HttpComposition;
import io.tokenlife.app.http.RealCompositionIT;
import io.tokenlife.app.http.StartupRefusedException;
import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.KeyChangeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real service with {@code KEY_MANAGEMENT=managed} on an H2 file: keys made at start, kept, rotated. */
public class ManagedKeysIT {
    /** Who may see and change the signing keys; the rows of {@code AuthorizationMatrixIT}. */
    public static final AccessRows ACCESS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /keys                               | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            HEAD /keys                              | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /keys/rotate                       | 401  | 403  | 403   | 409   | 403 | 403      | 403 | 401     | 401
            POST /keys/{kid}/retire                 | 401  | 403  | 403   | 409   | 403 | 403      | 403 | 401     | 401
            POST /keys/{kid}/revoke                 | 401  | 403  | 403   | 409   | 403 | 403      | 403 | 401     | 401
            """, Map.of(
            "GET /keys", w -> Request.of("GET", "/keys"),
            "HEAD /keys", w -> Request.of("HEAD", "/keys"),
            // the fixture signs with static keys: an admin's key change is 409 (not managed), anyone else's 403
            "POST /keys/rotate", w -> Request.json("POST", "/keys/rotate", "{\"now\":false}"),
            "POST /keys/{kid}/retire", w -> Request.json("POST", "/keys/fake/retire", ""),
            "POST /keys/{kid}/revoke", w -> Request.json("POST", "/keys/fake/revoke", "{\"reason\":\"matrix\"}")));

    private static final String KEK = "managed-it-key-encryption-secret-0123456789abcdef";

    @TempDir
    Path dir;

    private Map<String, String> config(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("tokenlife"));
        env.put("KEY_MANAGEMENT", "managed");
        env.put("KEY_ENCRYPTION_SECRET", KEK);
        env.put("JWT_ALGORITHM", "ES256");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    @Test
    void theServiceMakesItsKeyKeepsItAcrossARestartAndRotatesWithoutRejectingATokenBeforeIt() {
        String token;
        String firstKid;
        try (HttpComposition server = HttpComposition.start(config(), Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            Client.Reply jwks = client.get("/.well-known/jwks.json", null);
            assertThat(jwks.header("Cache-Control")).isEqualTo("public, max-age=3600");
            assertThat(jwks.json().get("keys")).hasSize(1);
            firstKid = jwks.json().get("keys").get(0).get("kid").asText();
            token = RealCompositionIT.session(server.useCases(), "alice@example.com", false);
            assertThat(client.get("/tokens", token).status()).isEqualTo(200);
            assertThat(client.get("/ready", null).status()).isEqualTo(200);
        }
        try (HttpComposition restarted = HttpComposition.start(config(), Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + restarted.port());
            assertThat(client.get("/tokens", token).status()).as("the stored key still verifies").isEqualTo(200);

            KeyChangeResult rotated = restarted.useCases().signingKeys().rotate(Actor.operator("cli:it"), true);
            assertThat(rotated).isInstanceOf(KeyChangeResult.Changed.class);

            assertThat(client.get("/tokens", token).status()).as("a token of the retired key").isEqualTo(200);
            Client.Reply jwks = client.get("/.well-known/jwks.json", null);
            assertThat(jwks.json().get("keys")).as("the retired key stays published").hasSize(2);
            String fresh = RealCompositionIT.session(restarted.useCases(), "alice@example.com", false);
            assertThat(fresh).isNotEqualTo(token);
            assertThat(client.get("/tokens", fresh).status()).isEqualTo(200);
            assertThat(jwks.body()).contains(firstKid);
        }
    }

    @Test
    void adminsManageKeysOverHttpWithClearErrorsAndOthersAreRefused() {
        try (HttpComposition server = HttpComposition.start(config(), Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            String admin = RealCompositionIT.session(server.useCases(), "admin@example.com", true);
            String user = RealCompositionIT.session(server.useCases(), "bob@example.com", false);
            String userToken = RealCompositionIT.session(server.useCases(), "carol@example.com", false);

            Client.Reply listed = client.get("/keys", admin);
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.json().get("managed").asBoolean()).isTrue();
            String active = listed.json().get("items").get(0).get("kid").asText();
            assertThat(listed.json().get("items").get(0).get("live_tokens").asLong()).isEqualTo(3);
            assertThat(listed.body()).doesNotContain("\"d\"", "sealed");
            assertThat(client.get("/keys", user).status()).isEqualTo(403);

            Client.Reply only = client.postJson("/keys/" + active + "/revoke", admin, "{\"reason\":\"leaked\"}");
            assertThat(only.status()).as(only.body()).isEqualTo(400);
            assertThat(only.body()).contains("only active key", "field 'kid'");
            assertThat(client.postJson("/keys/nope/revoke", admin, "{\"reason\":\"x\"}").status()).isEqualTo(404);
            Client.Reply noReason = client.postJson("/keys/" + active + "/revoke", admin, "{}");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body()).contains("reason");

            Client.Reply published = client.postJson("/keys/rotate", admin, "");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            assertThat(published.json().get("changed").get(0).get("state").asText()).isEqualTo("next");
            String next = published.json().get("changed").get(0).get("kid").asText();
            assertThat(client.get("/.well-known/jwks.json", null).body()).as("published ahead").contains(next);

            Client.Reply revoked = client.postJson("/keys/" + active + "/revoke", admin, "{\"reason\":\"leaked\"}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            Client.Reply rejected = client.get("/tokens", userToken);
            assertThat(rejected.status()).isEqualTo(401);
            assertThat(rejected.code()).isEqualTo("token_revoked");
            String fresh = RealCompositionIT.session(server.useCases(), "carol@example.com", false);
            assertThat(client.get("/tokens", fresh).status()).as("the successor signs").isEqualTo(200);
            assertThat(client.get("/.well-known/jwks.json", null).body()).doesNotContain(active);
        }
    }

    @Test
    void staticKeysAnswerConflictToChanges() {
        Map<String, String> env = config("KEY_MANAGEMENT", "static", "JWT_ALGORITHM", "HS256",
                "JWT_SECRET_KEY", "static-http-secret-0123456789-abcdefghijkl");
        try (HttpComposition server = HttpComposition.start(env, Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            String admin = RealCompositionIT.session(server.useCases(), "admin@example.com", true);
            assertThat(client.get("/keys", admin).body()).isEqualTo("{\"managed\":false,\"items\":[]}");
            Client.Reply conflict = client.postJson("/keys/rotate", admin, "{\"now\":true}");
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.body()).contains("KEY_MANAGEMENT=static");
            assertThat(client.get("/.well-known/jwks.json", null).header("Cache-Control")).isEqualTo("public, max-age=300");
        }
    }

    @Test
    void aWrongKeyEncryptionSecretRefusesToStartNamingTheVariable() {
        try (HttpComposition first = HttpComposition.start(config(), Clock.systemUTC())) {
            assertThat(first.port()).isPositive();
        }
        assertThatThrownBy(() -> HttpComposition.start(config("KEY_ENCRYPTION_SECRET", KEK + "-rotated"), Clock.systemUTC()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("KEY_ENCRYPTION_SECRET does not open the managed signing key")
                .message().doesNotContain(KEK);
        try (HttpComposition again = HttpComposition.start(config(), Clock.systemUTC())) {
            assertThat(again.port()).as("nothing was changed: the right secret still works").isPositive();
        }
    }
}
