package io.tokenlife.app.http.oauth;

import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.TokenUse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static io.tokenlife.app.http.support.FixtureServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7009 revocation and RFC 7662 introspection. */
public class OAuthEndpointsIT {
    /** Who may call RFC 7009 revocation and RFC 7662 introspection; the rows of {@code AuthorizationMatrixIT}. */
    public static final AccessRows ACCESS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            POST /oauth2/revoke                     | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            POST /oauth2/introspect                 | 401  | 403  | 403   | 200   | 403 | 403      | 200 | 401     | 401
            """, Map.of(
            "POST /oauth2/revoke", w -> Request.form("/oauth2/revoke", w.usersApiToken().compact()),
            "POST /oauth2/introspect", w -> Request.form("/oauth2/introspect", w.usersApiToken().compact())));

    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply revoke(String caller, String token) {
        return server.client.postForm("/oauth2/revoke", caller, Map.of("token", token, "token_type_hint", "access_token"));
    }

    private static Reply introspect(String token) {
        return server.client.postForm("/oauth2/introspect", server.introspector("rs@example.com"),
                Map.of("token", token));
    }

    @Test
    void revocationAnswers200ForAnUnknownOrInvalidToken() {
        assertThat(revoke(server.session(ALICE), "unknown-token").status()).isEqualTo(200);
        assertThat(revoke(server.session(ALICE), "a.b.c").status()).isEqualTo(200);
    }

    @Test
    void aUserRevokesTheirOwnTokenAndIntrospectionThenSaysExactlyInactive() {
        String target = server.session(ALICE);
        assertThat(introspect(target).json().get("active").asBoolean()).isTrue();
        Reply reply = revoke(server.session(ALICE), target);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("cache-control")).isEqualTo("no-store");
        Reply inactive = introspect(target);
        assertThat(inactive.status()).isEqualTo(200);
        assertThat(inactive.body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void revokingSomeoneElsesTokenAnswers200WithoutRevokingItUnlessTheCallerIsAdmin() {
        String bobs = server.session(BOB);
        assertThat(revoke(server.session(ALICE), bobs).status()).isEqualTo(200);
        assertThat(introspect(bobs).json().get("active").asBoolean()).as("still active").isTrue();
        assertThat(revoke(server.adminSession(), bobs).status()).isEqualTo(200);
        assertThat(introspect(bobs).body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void introspectionOfAnActiveTokenGivesItsClaims() {
        String token = server.session(ALICE);
        Reply reply = introspect(token);
        assertThat(reply.json().get("active").asBoolean()).isTrue();
        assertThat(reply.json().get("sub").asText()).isEqualTo(ALICE);
        assertThat(reply.json().get("iss").asText()).isEqualTo("mcpgateway");
        assertThat(reply.json().get("aud").asText()).isEqualTo("mcpgateway-api");
        assertThat(reply.json().get("token_use").asText()).isEqualTo("session");
        assertThat(reply.json().get("exp").asLong() - reply.json().get("iat").asLong()).isEqualTo(20 * 60);
        assertThat(reply.json().get("jti").asText()).isNotBlank();
    }

    @Test
    void introspectionOfAnExpiredTokenIsExactlyInactive() {
        String shortLived = server.session("old@example.com");
        String introspector = server.issue("rs2@example.com", TokenUse.SESSION, true);
        server.clock.advance(Duration.ofMinutes(21));
        try {
            // the introspecting caller needs a token valid at the new time
            Reply reply = server.client.postForm("/oauth2/introspect", server.introspector("rs3@example.com"),
                    Map.of("token", shortLived));
            assertThat(reply.body()).isEqualTo("{\"active\":false}");
            assertThat(server.client.postForm("/oauth2/introspect", introspector, Map.of("token", "x")).code())
                    .isEqualTo("token_expired");
        } finally {
            server.clock.advance(Duration.ofMinutes(-21));
        }
    }

    @Test
    void bothEndpointsNeedABearerTokenAndATokenField() {
        Reply anonymous = server.client.postForm("/oauth2/introspect", null, Map.of("token", "x"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("www-authenticate")).startsWith("Bearer");
        Reply missing = server.client.postForm("/oauth2/revoke", server.session(ALICE), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("token");
        Reply json = server.client.postJson("/oauth2/introspect", server.introspector("rs@example.com"),
                "{\"token\":\"x\"}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("detail").asText()).contains("x-www-form-urlencoded");
    }
}
