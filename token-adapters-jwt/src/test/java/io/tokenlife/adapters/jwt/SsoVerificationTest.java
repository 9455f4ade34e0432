package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.tokenlife.domain.model.SsoProvider;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.settings.InvalidSettingsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ID tokens of a provider stand-in served over loopback: only its own, well-formed tokens pass. */
class SsoVerificationTest {
    private static final String ISSUER = "https://idp.test";
    private static final String AUDIENCE = "tokenlife-client";
    private static HttpServer idp;
    private static RSAKey providerKey;
    private static RSAKey strangerKey;
    private static SsoProvider provider;

    @BeforeAll
    static void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        String json = "{\"providers\":[{\"id\":\"idp\",\"issuer\":\"" + ISSUER + "\",\"audience\":\"" + AUDIENCE
                + "\",\"jwks_uri\":\"http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks\",\"auto_create_users\":true}]}";
        provider = SsoProvidersFile.parse(json, Path.of(".")).get("idp");
    }

    @AfterAll
    static void stopProvider() {
        idp.stop(0);
    }

    private static ExternalTokenVerifier verifier() {
        return new NimbusExternalTokenVerifier(Duration.ofSeconds(30));
    }

    private static String idToken(RSAKey key, String issuer, String audience, Instant exp) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("u-123")
                .claim("email", "Alice@Example.com").issueTime(new Date()).expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsTheProvidersOwnTokenAndKeepsItsClaims() throws Exception {
        ExternalTokenVerifier.Result result = verifier().verify(provider,
                idToken(providerKey, ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));

        assertThat(result).isInstanceOf(ExternalTokenVerifier.Verified.class);
        var claims = ((ExternalTokenVerifier.Verified) result).claims();
        assertThat(claims.subject()).isEqualTo("u-123");
        assertThat(claims.extra()).containsEntry("email", "Alice@Example.com");
        assertThat(claims.environment()).isNull();
    }

    @Test
    void refusesAWrongIssuer() throws Exception {
        assertRefused(idToken(providerKey, "https://evil.test", AUDIENCE, Instant.now().plusSeconds(300)));
    }

    @Test
    void refusesAWrongAudience() throws Exception {
        assertRefused(idToken(providerKey, ISSUER, "someone-else", Instant.now().plusSeconds(300)));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(idToken(providerKey, ISSUER, AUDIENCE, Instant.now().minusSeconds(300)));
    }

    @Test
    void refusesATokenSignedByAKeyTheProviderDoesNotPublish() throws Exception {
        assertRefused(idToken(strangerKey, ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));
    }

    @Test
    void refusesAnHmacTokenEvenWithTheRightClaims() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("u")
                .claim("email", "a@example.com").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("our-own-platform-secret-0123456789abcdef"));
        assertRefused(jwt.serialize());
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-token");
        assertRefused("a".repeat(9000));
    }

    private static void assertRefused(String token) {
        assertThat(verifier().verify(provider, token)).isInstanceOf(ExternalTokenVerifier.Refused.class);
    }

    @Test
    void aBadProvidersFileNamesTheVariableAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sso.json");
        Files.writeString(file, "{\"providers\":[{\"id\":\"x\",\"issuer\":\"i\",\"audience\":\"a\"}]}");

        assertThatThrownBy(() -> SsoAdapters.load(Optional.of(file), Duration.ZERO))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("SSO_PROVIDERS_FILE").hasMessageContaining("jwks_uri");
        assertThatThrownBy(() -> SsoAdapters.load(Optional.of(dir.resolve("missing.json")), Duration.ZERO))
                .hasMessageContaining("SSO_PROVIDERS_FILE").hasMessageContaining("missing.json");
    }

    @Test
    void aRelativeJwksFileIsResolvedNextToTheProvidersFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keys.json"), new JWKSet(providerKey.toPublicJWK()).toString());
        Path file = dir.resolve("sso.json");
        Files.writeString(file, "{\"providers\":[{\"id\":\"filed\",\"issuer\":\"" + ISSUER + "\",\"audience\":\""
                + AUDIENCE + "\",\"jwks_file\":\"keys.json\"}]}");

        SsoAdapters sso = SsoAdapters.load(Optional.of(file), Duration.ofSeconds(30));
        SsoProvider filed = sso.providers().find("filed").orElseThrow();

        assertThat(sso.verifier().verify(filed, idToken(providerKey, ISSUER, AUDIENCE, Instant.now().plusSeconds(60))))
                .isInstanceOf(ExternalTokenVerifier.Verified.class);
        assertThat(filed.autoCreateUsers()).isFalse();
    }
}
