package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.app.http.support.SecretFlow;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The real composition root — JWT adapter (HS256), persistence adapter on H2 in memory — end to end. */
public class RealCompositionIT {
    public static final String SECRET = "real-composition-secret-" + UUID.randomUUID();

    public static Map<String, String> config() {
        return Map.of("DATABASE_URL", "jdbc:h2:mem:http-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "JWT_SECRET_KEY", SECRET, "HOST", "127.0.0.1", "PORT", "0");
    }

    public static String session(UseCases services, String subject, boolean admin) {
        IssueTokenResult result = services.issueToken().issue(new IssueTokenCommand(subject, TokenSource.LOGIN,
                TokenUse.SESSION, Expiry.byDefault(), Optional.empty(),
                admin ? Map.of(Caller.ADMIN_CLAIM, true) : Map.of(), Optional.empty(), Optional.empty()));
        return ((IssueTokenResult.Issued) result).token().compact();
    }

    @Test
    void theFullFlowRunsOnTheRealAdaptersAndNoTokenSignatureOrSecretIsEverLogged() {
        List<String> tokens;
        String logs;
        try (LogCapture capture = new LogCapture(); HttpComposition server = HttpComposition.start(config(), Clock.systemUTC())) {
            Client client = new Client("http://127.0.0.1:" + server.port());
            String session = session(server.useCases(), "alice@example.com", false);
            String admin = session(server.useCases(), "root@example.com", true);
            assertThat(session.split("\\.")).hasSize(3);

            Reply created = client.postJson("/tokens", session, "{\"name\":\"real\",\"expires_in_days\":2}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String apiToken = created.json().get("access_token").asText();
            String jti = created.json().get("jti").asText();
            assertThat(client.get("/tokens/" + jti, apiToken).json().get("status").asText()).isEqualTo("active");
            assertThat(client.postForm("/oauth2/introspect", admin, Map.of("token", apiToken)).json()
                    .get("active").asBoolean()).isTrue();
            assertThat(client.delete("/tokens/" + jti, session).status()).isEqualTo(204);
            Reply rejected = client.get("/tokens", apiToken);
            assertThat(rejected.status()).isEqualTo(401);
            assertThat(rejected.code()).isEqualTo("token_revoked");
            assertThat(client.postForm("/oauth2/introspect", admin, Map.of("token", apiToken)).body())
                    .isEqualTo("{\"active\":false}");
            assertThat(client.postForm("/oauth2/revoke", session, Map.of("token", "unknown")).status()).isEqualTo(200);
            assertThat(client.get("/tokens?source=api", session).json().get("items").get(0).get("status").asText())
                    .isEqualTo("revoked");

            Reply jwks = client.get("/.well-known/jwks.json", null);
            assertThat(jwks.json().get("keys")).as("no symmetric key is ever published").isEmpty();
            assertThat(client.get("/ready", null).status()).isEqualTo(200);

            tokens = SecretFlow.run(client, session(server.useCases(), "bob@example.com", false), admin);
            tokens = new java.util.ArrayList<>(tokens);
            tokens.add(apiToken);
            tokens.add(session);
            logs = capture.all();
        }
        assertThat(logs).contains("security_event=token_issued", "security_event=token_revoked",
                "security_event=token_revoked_presented");
        assertThat(logs).doesNotContain(SECRET);
        for (String token : tokens) {
            assertThat(logs).doesNotContain(token);
            assertThat(logs).doesNotContain(token.substring(token.lastIndexOf('.') + 1)); // the signature
        }
    }
}
