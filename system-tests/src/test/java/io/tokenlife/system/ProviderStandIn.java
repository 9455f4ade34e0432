package io.tokenlife.system;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

/** An OIDC provider stand-in on loopback: a JWKS endpoint and ID tokens signed with its own RSA key. */
final class ProviderStandIn implements AutoCloseable {
    static final String ISSUER = "https://idp.system-test";
    static final String AUDIENCE = "tokenlife-system-test";
    private final HttpServer server;
    private final RSAKey key;

    ProviderStandIn() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    /** Writes an SSO_PROVIDERS_FILE naming this provider as {@code id}, creating users on first login. */
    Path writeProvidersFile(Path dir, String id) throws Exception {
        Path file = dir.resolve("sso-providers.json");
        Files.writeString(file, "{\"providers\":[{\"id\":\"" + id + "\",\"issuer\":\"" + ISSUER + "\",\"audience\":\""
                + AUDIENCE + "\",\"jwks_uri\":\"http://127.0.0.1:" + server.getAddress().getPort()
                + "/jwks\",\"auto_create_users\":true}]}");
        return file;
    }

    String idToken(String email) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("idp|" + email)
                .claim("email", email).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
