package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.TokenUse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static io.tokenlife.app.http.support.FixtureServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** Every authorization rule of the token routes, each positive and negative: owner, other user, admin. */
class AuthorizationIT {
    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createApiToken(String session) {
        Reply created = server.client.postJson("/tokens", session, "{\"name\":\"x\",\"expires_in_days\":7}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("jti").asText();
    }

    @Test
    void theOwnerSeesTheirTokenAnotherUserGetsTheSame404AsForAnUnknownJtiAndAnAdminSeesIt() {
        String jti = createApiToken(server.session(ALICE));
        assertThat(server.client.get("/tokens/" + jti, server.session(ALICE)).status()).isEqualTo(200);
        Reply other = server.client.get("/tokens/" + jti, server.session(BOB));
        Reply unknown = server.client.get("/tokens/no-such-jti", server.session(BOB));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("not_found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(server.client.get("/tokens/" + jti, server.adminSession()).json().get("subject").asText())
                .isEqualTo(ALICE);
    }

    @Test
    void anotherUserCannotRevokeATokenButTheOwnerAndAnAdminCan() {
        String jti = createApiToken(server.session(ALICE));
        assertThat(server.client.delete("/tokens/" + jti, server.session(BOB)).status()).isEqualTo(404);
        assertThat(server.store.find(jti).orElseThrow().revokedAt()).as("not revoked by bob").isNull();
        assertThat(server.client.delete("/tokens/" + jti, server.adminSession()).status()).isEqualTo(204);
        assertThat(server.store.find(jti).orElseThrow().revokedBy()).isEqualTo(FixtureServer.ADMIN);

        String own = createApiToken(server.session(ALICE));
        assertThat(server.client.delete("/tokens/" + own, server.session(ALICE)).status()).isEqualTo(204);
        assertThat(server.store.find(own).orElseThrow().revokedAt()).isNotNull();
    }

    @Test
    void anApiTokenCannotCreateOrRevokeTokensButASessionTokenCan() {
        String apiToken = server.issue(ALICE, TokenUse.API, false);
        Reply create = server.client.postJson("/tokens", apiToken, "{\"name\":\"x\",\"expires_in_days\":1}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("forbidden");
        String jti = createApiToken(server.session(ALICE));
        assertThat(server.client.delete("/tokens/" + jti, apiToken).code()).isEqualTo("forbidden");
        assertThat(server.client.get("/tokens", apiToken).status()).as("reading is allowed").isEqualTo(200);
    }

    @Test
    void aUserListsOnlyTheirOwnTokensWhileAnAdminListsEveryoneAndFiltersBySubject() {
        createApiToken(server.session("dave@example.com"));
        createApiToken(server.session("erin@example.com"));
        Reply dave = server.client.get("/tokens", server.session("dave@example.com"));
        assertThat(dave.json().get("items").findValuesAsText("subject")).containsOnly("dave@example.com");

        Reply forbidden = server.client.get("/tokens?subject=erin@example.com", server.session("dave@example.com"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("forbidden");

        Reply all = server.client.get("/tokens?limit=1000", server.adminSession());
        assertThat(all.json().get("items").findValuesAsText("subject"))
                .contains("dave@example.com", "erin@example.com");
        Reply erin = server.client.get("/tokens?subject=ERIN@example.com", server.adminSession());
        assertThat(erin.json().get("items").findValuesAsText("subject")).containsOnly("erin@example.com");
    }

    @Test
    void onlyAnAdminMayRevokeAllTokensOfASubject() {
        String frank = server.session("frank@example.com");
        Reply refused = server.client.postJson("/subjects/frank@example.com/revoke-all", server.session(ALICE), "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(server.client.get("/tokens", frank).status()).isEqualTo(200);

        assertThat(server.client.postJson("/subjects/frank@example.com/revoke-all", server.adminSession(), "")
                .status()).isEqualTo(200);
        assertThat(server.client.get("/tokens", frank).code()).isEqualTo("token_revoked");
    }

    @Test
    void onlyAnAdminMayVerifyTokensAndGetsTheFullVerdict() {
        String token = server.session(ALICE);
        Reply refused = server.client.postJson("/tokens/verify", server.session(BOB), "{\"token\":\"" + token + "\"}");
        assertThat(refused.status()).isEqualTo(403);

        Reply valid = server.client.postJson("/tokens/verify", server.adminSession(), "{\"token\":\"" + token + "\"}");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("claims").get("sub").asText()).isEqualTo(ALICE);
        assertThat(valid.json().get("claims").get("exp").isIntegralNumber()).isTrue();
        assertThat(valid.json().get("warnings")).isEmpty();
        assertThat(valid.json().has("code")).isFalse();

        Reply invalid = server.client.postJson("/tokens/verify", server.adminSession(), "{\"token\":\"garbage\"}");
        assertThat(invalid.json().get("valid").asBoolean()).isFalse();
        assertThat(invalid.json().get("code").asText()).isEqualTo("token_signature_invalid");
        assertThat(invalid.json().get("detail").asText()).isNotBlank();
        assertThat(invalid.json().has("claims")).isFalse();
        assertThat(invalid.json().get("warnings")).isEmpty();
    }
}
