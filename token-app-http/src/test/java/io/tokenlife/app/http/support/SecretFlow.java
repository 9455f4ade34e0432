package io.tokenlife.app.http.support;

import io.tokenlife.app.http.support.Client.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run through every route that sees a token — create, use, list, introspect, verify, revoke, present the
 * revoked token, send tokens inside bad bodies — returning every token that went over the wire.
 */
public final class SecretFlow {
    private SecretFlow() {
    }

    public static List<String> run(Client client, String session, String adminSession) {
        List<String> tokens = new ArrayList<>(List.of(session, adminSession));
        Reply created = client.postJson("/tokens", session, "{\"name\":\"logged\",\"expires_in_days\":3}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String apiToken = created.json().get("access_token").asText();
        String jti = created.json().get("jti").asText();
        tokens.add(apiToken);
        assertThat(client.get("/tokens", apiToken).status()).isEqualTo(200);
        // introspection is for admins (and tokens:introspect tokens): the admin introspects, so the route runs
        assertThat(client.postForm("/oauth2/introspect", adminSession, Map.of("token", apiToken)).status())
                .isEqualTo(200);
        client.postJson("/tokens/verify", adminSession, "{\"token\":\"" + apiToken + "\"}");
        client.postJson("/tokens/verify", adminSession, "{\"token\":\"" + apiToken + "x\"}");
        client.postJson("/tokens", session, "{\"name\": " + apiToken + "}");
        client.postJson("/tokens", session, "{\"" + apiToken + "\": 1}");
        client.postForm("/oauth2/introspect", adminSession, Map.of("token", apiToken.substring(1)));
        assertThat(client.delete("/tokens/" + jti, session).status()).isEqualTo(204);
        assertThat(client.get("/tokens", apiToken).status()).isEqualTo(401);
        client.postForm("/oauth2/revoke", session, Map.of("token", apiToken));
        client.postForm("/oauth2/revoke", session, Map.of("token", session));
        assertThat(client.get("/tokens", session).status()).isEqualTo(401);
        return tokens;
    }
}
