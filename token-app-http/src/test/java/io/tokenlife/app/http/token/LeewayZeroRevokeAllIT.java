package io.tokenlife.app.http.token;

import io.tokenlife.app.http.HttpComposition;
import io.tokenlife.app.http.RealCompositionIT;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.domain.fakes.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code JWT_LEEWAY_SECONDS=0}, a login in the same second as a revoke-all of the user (a password
 * change, an offboarding undone) gives a token that works at once, while the user's earlier token stays
 * refused. The real composition (HS256, H2), its clock held still to put both in one second.
 */
class LeewayZeroRevokeAllIT {
    private static final String USER = "lea@example.com";
    private static final String PASSWORD = "lea-password-1";

    @Test
    void aLoginRightAfterARevokeAllIsUsableAndATokenIssuedBeforeIsRefused() {
        Map<String, String> config = new HashMap<>(RealCompositionIT.config());
        config.put("JWT_LEEWAY_SECONDS", "0");
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(second.plusMillis(100));
        try (HttpComposition server = HttpComposition.start(config, clock)) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            String admin = RealCompositionIT.session(server.useCases(), "root@example.com", true);
            assertThat(client.postJson("/users", admin, "{\"email\":\"" + USER + "\",\"full_name\":\"Lea\",\"password\":\""
                    + PASSWORD + "\"}").status()).isEqualTo(201);
            clock.set(second.plusMillis(200));
            String before = login(client);

            clock.set(second.plusMillis(500));
            Reply revoked = client.postJson("/subjects/" + USER + "/revoke-all", admin, "{}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            clock.set(second.plusMillis(700));
            String after = login(client);
            clock.set(second.plusMillis(800));

            Reply withNew = client.get("/tokens", after);
            assertThat(withNew.status()).as(withNew.body()).isEqualTo(200);
            assertThat(client.postForm("/oauth2/introspect", admin, Map.of("token", after)).json().get("active")
                    .asBoolean()).isTrue();
            Reply withOld = client.get("/tokens", before);
            assertThat(withOld.status()).isEqualTo(401);
            assertThat(withOld.code()).isEqualTo("token_revoked");
        }
    }

    private static String login(Client client) {
        Reply reply = client.postJson("/auth/login", null, "{\"email\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }
}
