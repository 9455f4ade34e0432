package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.domain.model.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bounded field one character over the domain's limit is a 400 naming the field, on the real
 * composition (H2): never the database's refusal, which used to come back as a 503 outage.
 */
class FieldLimitsIT {
    static HttpComposition server;
    static Client client;
    static String admin;

    @BeforeAll
    static void start() {
        server = HttpComposition.start(RealCompositionIT.config(), Clock.systemUTC());
        client = new Client("http://127.0.0.1:" + server.port());
        admin = RealCompositionIT.session(server.useCases(), "root@example.com", true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aScopeOrNameOverItsLimitIsA400AndAScopeAtItsLimitIsIssued() {
        assertNamed(client.postJson("/tokens", admin, tokenRequest("x", "a".repeat(Limits.MAX_SCOPE + 1))), "scope");
        assertNamed(client.postJson("/tokens", admin, tokenRequest("x".repeat(Limits.MAX_TOKEN_NAME + 1), "read")), "name");

        Reply atTheLimit = client.postJson("/tokens", admin, tokenRequest("x".repeat(Limits.MAX_TOKEN_NAME),
                "a".repeat(Limits.MAX_SCOPE)));
        assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(201);
    }

    @Test
    void aJtiOrReasonOverItsLimitIsA400() {
        assertNamed(client.delete("/tokens/" + "j".repeat(Limits.MAX_JTI + 1), admin), "jti");
        assertNamed(client.delete("/tokens/some-jti", admin, reason(Limits.MAX_REASON + 1)), "reason");
    }

    @Test
    void aSubjectOrReasonOfARevokeAllOverItsLimitIsA400() {
        String subject = "s".repeat(Limits.MAX_SUBJECT - 11) + "@example.com";
        assertNamed(client.postJson("/subjects/" + subject + "/revoke-all", admin, ""), "subject");
        assertNamed(client.postJson("/subjects/bob@example.com/revoke-all", admin, reason(Limits.MAX_REASON + 1)), "reason");
    }

    @Test
    void anEmailOrFullNameOverItsLimitIsA400() {
        String email = "e".repeat(Limits.MAX_SUBJECT - 11) + "@example.com";
        String longName = "n".repeat(Limits.MAX_FULL_NAME + 1);
        assertNamed(client.postJson("/users", admin, "{\"email\":\"" + email + "\"}"), "email");
        assertNamed(client.postJson("/users", admin, "{\"email\":\"f@example.com\",\"full_name\":\"" + longName + "\"}"),
                "full_name");

        assertThat(client.postJson("/users", admin, "{\"email\":\"g@example.com\"}").status()).isEqualTo(201);
        assertNamed(client.send(client.builder("/users/g@example.com", admin).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"full_name\":\"" + longName + "\"}"))),
                "full_name");
    }

    private static String tokenRequest(String name, String scope) {
        return "{\"name\":\"" + name + "\",\"expires_in_days\":1,\"scope\":\"" + scope + "\"}";
    }

    private static String reason(int length) {
        return "{\"reason\":\"" + "r".repeat(length) + "\"}";
    }

    private static void assertNamed(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_request");
        assertThat(reply.json().get("detail").asText()).contains("'" + field + "'");
    }
}
