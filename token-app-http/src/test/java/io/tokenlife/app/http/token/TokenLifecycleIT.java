package io.tokenlife.app.http.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/** The happy path of docs/reference/http-api.md against a started server: issue, use, list, revoke, rejected. */
public class TokenLifecycleIT {
    /** Who may call the token and family routes; the rows of {@code AuthorizationMatrixIT}. */
    public static final AccessRows ACCESS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /tokens                             | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            HEAD /tokens                            | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            GET /tokens/{jti}                       | 401  | 200  | 404   | 200   | 200 | 404      | 404 | 401     | 401
            HEAD /tokens/{jti}                      | 401  | 200  | 404   | 200   | 200 | 404      | 404 | 401     | 401
            POST /tokens                            | 401  | 201  | 201   | 201   | 403 | 403      | 403 | 401     | 401
            DELETE /tokens/{jti}                    | 401  | 204  | 404   | 204   | 403 | 403      | 403 | 401     | 401
            POST /subjects/{subject}/revoke-all     | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /tokens/verify                     | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            GET /families/{id}                      | 401  | 200  | 404   | 200   | 403 | 403      | 403 | 401     | 401
            DELETE /families/{id}                   | 401  | 204  | 404   | 204   | 403 | 403      | 403 | 401     | 401
            """, Map.of(
            "GET /tokens", w -> Request.of("GET", "/tokens"),
            "HEAD /tokens", w -> Request.of("HEAD", "/tokens"),
            "GET /tokens/{jti}", w -> Request.of("GET", "/tokens/" + w.usersApiToken().jti()),
            "HEAD /tokens/{jti}", w -> Request.of("HEAD", "/tokens/" + w.usersApiToken().jti()),
            "POST /tokens", w -> Request.json("POST", "/tokens", "{\"name\":\"m\",\"expires_in_days\":1}"),
            "DELETE /tokens/{jti}", w -> Request.of("DELETE", "/tokens/" + w.usersApiToken().jti()),
            "POST /subjects/{subject}/revoke-all", w -> Request.json("POST", "/subjects/" + w.user() + "/revoke-all", ""),
            "POST /tokens/verify", w -> Request.json("POST", "/tokens/verify", "{\"token\":\"garbage\"}"),
            "GET /families/{id}", w -> Request.of("GET", "/families/" + w.usersFamily()),
            "DELETE /families/{id}", w -> Request.of("DELETE", "/families/" + w.usersFamily())));

    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anApiTokenIsIssuedUsedListedRevokedAndThenRejectedAsRevoked() {
        String session = server.session(ALICE);

        Reply created = server.client.postJson("/tokens", session,
                "{\"name\":\"ci\",\"expires_in_days\":30,\"scope\":\"read write\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("access_token", "token_type",
                "expires_in", "jti", "name", "scope", "expires_at", "source");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(body.get("expires_at").asText()).isEqualTo("2026-01-31T10:00:00Z");
        assertThat(body.get("name").asText()).isEqualTo("ci");
        assertThat(body.get("scope").asText()).isEqualTo("read write");
        assertThat(body.get("source").asText()).isEqualTo("api");
        String apiToken = body.get("access_token").asText();
        String jti = body.get("jti").asText();
        assertThat(created.header("location")).isEqualTo("/tokens/" + jti);

        Reply listed = server.client.get("/tokens?source=api", apiToken);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        JsonNode item = listed.json().get("items").get(0);
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("jti", "subject", "source", "token_use",
                "name", "scope", "issued_at", "expires_at", "status", "revoked_at", "revoked_by", "reason",
                "last_used_at", "family_id");
        assertThat(item.get("jti").asText()).isEqualTo(jti);
        assertThat(item.get("status").asText()).isEqualTo("active");
        assertThat(item.get("token_use").asText()).isEqualTo("api");
        assertThat(item.get("last_used_at").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(item.toString()).doesNotContain(apiToken);
        assertThat(listed.json().get("next").isNull()).isTrue();

        Reply revoked = server.client.delete("/tokens/" + jti, session, "{\"reason\":\"rotated\"}");
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(server.client.delete("/tokens/" + jti, session).status()).as("idempotent").isEqualTo(204);

        Reply metadata = server.client.get("/tokens/" + jti, session);
        assertThat(metadata.json().get("status").asText()).isEqualTo("revoked");
        assertThat(metadata.json().get("reason").asText()).isEqualTo("rotated");
        assertThat(metadata.json().get("revoked_by").asText()).isEqualTo(ALICE);

        Reply rejected = server.client.get("/tokens", apiToken);
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.code()).isEqualTo("token_revoked");
        assertThat(rejected.header("www-authenticate")).contains("Bearer").contains("error=\"invalid_token\"");
        assertThat(rejected.json().get("type").asText()).isEqualTo("urn:tokenlife:problem:token_revoked");
        assertThat(rejected.json().get("status").asInt()).isEqualTo(401);
        assertThat(rejected.json().get("title").asText()).isNotBlank();
        assertThat(rejected.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void listingIsPagedWithLimitAndCursor() {
        String session = server.session("pager@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(server.client.postJson("/tokens", session, "{\"name\":\"t" + i + "\",\"expires_in_days\":1}")
                    .status()).isEqualTo(201);
        }
        Reply first = server.client.get("/tokens?source=api&limit=2", session);
        assertThat(first.json().get("items")).hasSize(2);
        String next = first.json().get("next").asText();
        Reply second = server.client.get("/tokens?source=api&limit=2&cursor=" + next, session);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("next").isNull()).isTrue();
    }

    @Test
    void anExpiresAtIsAcceptedAsRfc3339() {
        Reply created = server.client.postJson("/tokens", server.session(ALICE),
                "{\"name\":\"until\",\"expires_at\":\"2026-02-01T00:00:00+01:00\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("expires_at").asText()).isEqualTo("2026-01-31T23:00:00Z");
        assertThat(created.json().get("scope").isNull()).isTrue();
    }

    @Test
    void theJwtTokenCookieAuthenticatesLikeABearerToken() {
        String session = server.session(ALICE);
        Reply reply = server.client.send(server.client.builder("/tokens", null)
                .header("Cookie", "jwt_token=" + session).GET());
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedWithABearerChallenge() {
        Reply reply = server.client.get("/tokens", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("unauthorized");
        assertThat(reply.header("www-authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnknownTokenIsRejectedWithTheValidationCode() {
        Reply reply = server.client.get("/tokens", "not-a-token");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("token_signature_invalid");
        assertThat(reply.header("www-authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void revokeAllOfASubjectRejectsEveryTokenIssuedBefore() {
        String carol = server.session("carol@example.com");
        Reply reply = server.client.postJson("/subjects/carol@example.com/revoke-all", server.adminSession(),
                "{\"reason\":\"offboarded\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("subject").asText()).isEqualTo("carol@example.com");
        assertThat(reply.json().get("revoked_before").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(server.client.get("/tokens", carol).code()).isEqualTo("token_revoked");
        assertThat(server.client.postForm("/oauth2/introspect", server.introspector("rs@example.com"), Map.of("token", carol))
                .body()).isEqualTo("{\"active\":false}");
    }
}
