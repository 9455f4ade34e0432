package io.tokenlife.app.http.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.tokenlife.app.http.HttpComposition;
import io.tokenlife.app.http.RealCompositionIT;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /auth/sso/{provider}} on the real composition against a provider stand-in: an HTTP server on
 * loopback serving its JWKS and an RSA key of its own that signs ID tokens. Provider {@code corp} is read
 * from its JWKS URL and creates users; {@code invite} reads a JWKS file and does not.
 */
class SsoLoginIT {
    static final String ISSUER = "https://idp.corp.test";
    static final String AUDIENCE = "tokenlife-sso";
    static final String ADMIN_PASSWORD = "bootstrap-password-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    static HttpServer idp;
    static RSAKey idpKey;
    static RSAKey strangerKey;
    static Path dir;
    static HttpComposition withEnv;
    static HttpComposition withoutEnv;

    @BeforeAll
    static void start() throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("corp-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("stranger-1").generate();
        String jwks = new JWKSet(idpKey.toPublicJWK()).toString();
        byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();

        dir = Files.createTempDirectory("sso-it");
        Files.writeString(dir.resolve("invite-jwks.json"), jwks);
        Path providers = Files.writeString(dir.resolve("providers.json"), "{\"providers\":["
                + "{\"id\":\"corp\",\"issuer\":\"" + ISSUER + "\",\"audience\":\"" + AUDIENCE + "\",\"jwks_uri\":"
                + "\"http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks\",\"auto_create_users\":true},"
                + "{\"id\":\"invite\",\"issuer\":\"" + ISSUER + "\",\"audience\":\"" + AUDIENCE + "\","
                + "\"jwks_file\":\"invite-jwks.json\"}]}");

        Map<String, String> config = new HashMap<>(RealCompositionIT.config());
        config.put("SSO_PROVIDERS_FILE", providers.toString());
        config.put("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        config.put("EMBED_ENVIRONMENT_IN_TOKENS", "true");
        config.put("VALIDATE_TOKEN_ENVIRONMENT", "true");
        withEnv = HttpComposition.start(config, Clock.systemUTC());
        Map<String, String> plain = new HashMap<>(RealCompositionIT.config());
        plain.put("SSO_PROVIDERS_FILE", providers.toString());
        withoutEnv = HttpComposition.start(plain, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        withEnv.close();
        withoutEnv.close();
        idp.stop(0);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    static Client client(HttpComposition server) {
        return new Client("http://127.0.0.1:" + server.port());
    }

    static Reply exchange(HttpComposition server, String provider, String idToken) {
        return client(server).postJson("/auth/sso/" + provider, null, "{\"id_token\":\"" + idToken + "\"}");
    }

    static String idToken(String email, String issuer, String audience, Instant expires, RSAKey key) throws Exception {
        return sign(claims(email, issuer, audience, expires), JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(key));
    }

    static JWTClaimsSet claims(String email, String issuer, String audience, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("idp-user-" + email.hashCode())
                .claim("email", email).claim("name", "From SSO").issueTime(new Date())
                .expirationTime(Date.from(expires)).build();
    }

    static String sign(JWTClaimsSet claims, JWSAlgorithm alg, String kid, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    static JsonNode payload(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static String adminToken() {
        Reply login = client(withEnv).postJson("/auth/login", null, LoginIT.login("admin@example.com", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asText();
    }

    @Test
    void aProvidersIdTokenWithoutEnvIsExchangedForAPlatformTokenWithSourceSsoAndTheUserIsCreated() throws Exception {
        Reply reply = exchange(withEnv, "corp", idToken("New.Hire@Corp.test", ISSUER, AUDIENCE, inAnHour(), idpKey));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "jti", "refresh_token",
                        "refresh_expires_in");
        assertThat(reply.json().get("refresh_token").asText()).as("SSO starts a refresh-token family").startsWith("tlr_");
        String token = reply.json().get("access_token").asText();
        JsonNode claims = payload(token);
        assertThat(claims.get("sub").asText()).isEqualTo("new.hire@corp.test");
        assertThat(claims.get("iss").asText()).isEqualTo("mcpgateway");
        assertThat(claims.get("env").asText()).as("EMBED_ENVIRONMENT_IN_TOKENS=true").isEqualTo("development");
        Reply own = client(withEnv).get("/tokens/" + reply.json().get("jti").asText(), token);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("source").asText()).isEqualTo("sso");

        JsonNode users = client(withEnv).get("/users", adminToken()).json().get("items");
        JsonNode created = null;
        for (JsonNode user : users) {
            if (user.get("email").asText().equals("new.hire@corp.test")) {
                created = user;
            }
        }
        assertThat(created).as("auto-created user").isNotNull();
        assertThat(created.get("full_name").asText()).isEqualTo("From SSO");
        assertThat(created.get("admin").asBoolean()).isFalse();
        assertThat(JWKS_FETCHES.get()).as("the JWKS came from the provider's URL").isPositive();
    }

    @Test
    void withoutEmbedEnvironmentThePlatformTokenHasNoEnv() throws Exception {
        Reply reply = exchange(withoutEnv, "corp", idToken("plain@corp.test", ISSUER, AUDIENCE, inAnHour(), idpKey));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode claims = payload(reply.json().get("access_token").asText());
        assertThat(claims.has("env")).isFalse();
        assertThat(claims.get("sub").asText()).isEqualTo("plain@corp.test");
    }

    @Test
    void aProviderThatDoesNotCreateUsersRefusesAnUnknownEmailAndAcceptsItOnceAnAdminCreatedTheUser() throws Exception {
        String idToken = idToken("guest@corp.test", ISSUER, AUDIENCE, inAnHour(), idpKey);
        Reply refused = exchange(withEnv, "invite", idToken);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.json().get("detail").asText()).contains("does not create users");

        Reply created = client(withEnv).postJson("/users", adminToken(), "{\"email\":\"guest@corp.test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Reply accepted = exchange(withEnv, "invite", idToken);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /** Each case is refused for its own reason, named in the detail. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong issuer,           iss claim",
            "wrong audience,         aud claim",
            "expired,                Expired JWT",
            "unknown key,            no matching key",
            "signed with our key,    no matching key",
            "our own platform token, no matching key",
            "not a JWT,              malformed",
    })
    void anIdTokenThatIsNotThisProvidersIsRefused(String kind, String reason) throws Exception {
        String email = "victim@corp.test";
        String idToken = switch (kind) {
            case "wrong issuer" -> idToken(email, "https://evil.test", AUDIENCE, inAnHour(), idpKey);
            case "wrong audience" -> idToken(email, ISSUER, "another-app", inAnHour(), idpKey);
            case "expired" -> idToken(email, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), idpKey);
            case "unknown key" -> idToken(email, ISSUER, AUDIENCE, inAnHour(), strangerKey);
            case "signed with our key" -> sign(claims(email, ISSUER, AUDIENCE, inAnHour()), JWSAlgorithm.HS256,
                    "corp-1", new MACSigner(RealCompositionIT.SECRET.getBytes(StandardCharsets.UTF_8)));
            case "our own platform token" -> RealCompositionIT.session(withEnv.useCases(), email, true);
            default -> "not-a-jwt";
        };
        Reply reply = exchange(withEnv, "corp", idToken);

        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("unauthorized");
        assertThat(reply.json().get("detail").asText()).contains(reason).doesNotContain(idToken);
    }

    @Test
    void anUnknownProviderIs404AndAMissingIdTokenIs400() throws Exception {
        Reply unknown = exchange(withEnv, "nope", idToken("a@corp.test", ISSUER, AUDIENCE, inAnHour(), idpKey));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");

        Reply missing = client(withEnv).postJson("/auth/sso/corp", null, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("'id_token'");
    }
}
