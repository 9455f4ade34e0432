package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Public documents and operations endpoints, and openapi.json against the routes really registered. */
class DiscoveryAndOperationsIT {
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
    void theJwkSetIsServedAsGivenByTheKeyAdapter() {
        Reply reply = server.client.get("/.well-known/jwks.json", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("keys").get(0).get("kid").asText()).isEqualTo("fake");
    }

    @Test
    void serverMetadataNamesTheIssuerAndEndpointsFromTheRequestBaseUrl() {
        JsonNode meta = server.client.get("/.well-known/oauth-authorization-server", null).json();
        String base = server.client.base();
        assertThat(meta.get("issuer").asText()).isEqualTo("mcpgateway");
        assertThat(meta.get("jwks_uri").asText()).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(meta.get("revocation_endpoint").asText()).isEqualTo(base + "/oauth2/revoke");
        assertThat(meta.get("introspection_endpoint").asText()).isEqualTo(base + "/oauth2/introspect");
        assertThat(meta.get("revocation_endpoint_auth_methods_supported").get(0).asText()).isEqualTo("bearer");
        assertThat(meta.get("response_types_supported")).isEmpty();
    }

    @Test
    void healthIsAlwaysOkAndReadinessFollowsTheDatabaseAndRevocationSync() {
        assertThat(server.client.get("/health", null).json().get("status").asText()).isEqualTo("ok");
        assertThat(server.client.get("/ready", null).status()).isEqualTo(200);
        server.readiness.set(new ReadinessCheck.Readiness(true, false));
        try {
            Reply notReady = server.client.get("/ready", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.code()).isEqualTo("service_unavailable");
            assertThat(notReady.json().get("detail").asText()).contains("revocations not in sync");
            server.readiness.set(new ReadinessCheck.Readiness(false, true));
            assertThat(server.client.get("/ready", null).json().get("detail").asText()).contains("database unreachable");
        } finally {
            server.readiness.set(new ReadinessCheck.Readiness(true, true));
        }
    }

    @Test
    void metricsExposeRequestsPerRouteValidationOutcomesAndJvmBasics() {
        server.client.get("/tokens/abc", server.session("m@example.com"));
        server.client.get("/tokens", "bad-token");
        Reply reply = server.client.get("/metrics", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/tokens/{jti}\",status=\"404\"}")
                .contains("tokenlife_token_validations_total{outcome=\"valid\"}")
                .contains("tokenlife_token_validations_total{outcome=\"token_signature_invalid\"}")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void everyRegisteredRouteIsInOpenApiAndEveryOpenApiOperationIsARoute() {
        Reply reply = server.client.get("/openapi.json", null);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> registered = server.app.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(registered).hasSizeGreaterThan(10);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void theOpenApiDocumentDescribesEveryProblemCodeOfTheSpec() {
        JsonNode codes = server.client.get("/openapi.json", null).json()
                .at("/components/schemas/Problem/properties/code/enum");
        List<String> listed = new ArrayList<>();
        codes.forEach(c -> listed.add(c.asText()));
        assertThat(listed).contains("token_revoked", "unauthorized", "forbidden", "invalid_request", "not_found",
                "conflict", "rate_limited", "service_unavailable");
        for (io.tokenlife.domain.model.ValidationCode code : io.tokenlife.domain.model.ValidationCode.values()) {
            assertThat(listed).contains(code.wireName());
        }
    }
}
