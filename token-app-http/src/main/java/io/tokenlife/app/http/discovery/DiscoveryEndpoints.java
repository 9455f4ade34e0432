package io.tokenlife.app.http.discovery;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.app.http.web.Routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Public documents: the JWK set, RFC 8414 metadata and the OpenAPI description. */
public final class DiscoveryEndpoints implements Endpoints {
    public static final String OPENAPI_RESOURCE = "/io/tokenlife/app/http/openapi.json";

    private final Supplier<String> publicJwks;
    private final String jwksCacheControl;
    private final String issuer;
    private final Supplier<URI> baseUrl;
    private final String openApi;

    /**
     * @param jwksMaxAge how long validators may cache the JWKS: at most half the managed keys' publish-ahead time
     * @param baseUrl where clients reach this service: {@code PUBLIC_URL}, or else the address the server is
     *                bound to; never anything from the request, whose {@code Host} header a client (or a cache
     *                in front, poisoned once) chooses
     */
    public DiscoveryEndpoints(Supplier<String> publicJwks, Duration jwksMaxAge, String issuer, Supplier<URI> baseUrl) {
        this.publicJwks = publicJwks;
        this.jwksCacheControl = "public, max-age=" + jwksMaxAge.toSeconds();
        this.issuer = issuer;
        this.baseUrl = baseUrl;
        this.openApi = openApiDocument();
    }

    @Override
    public void declare(RoutesConfig routes) {
        Routing.get(routes, "/.well-known/jwks.json", this::jwks, Access.ANYONE);
        Routing.get(routes, "/.well-known/oauth-authorization-server", this::metadata, Access.ANYONE);
        Routing.get(routes, "/openapi.json", this::openApi, Access.ANYONE);
    }

    /** {@code GET /.well-known/jwks.json}: public keys only (the JWT adapter never exports secret material). */
    private void jwks(Context ctx) {
        ctx.header("Cache-Control", jwksCacheControl).contentType("application/json").result(publicJwks.get());
    }

    /** {@code GET /.well-known/oauth-authorization-server}. */
    private void metadata(Context ctx) {
        String base = withoutTrailingSlash(baseUrl.get().toString());
        Responses.json(ctx, new ServerMetadata(issuer, base + "/.well-known/jwks.json", base + "/oauth2/revoke",
                List.of("bearer"), base + "/oauth2/introspect", List.of("bearer"), List.of(), base + "/openapi.json"));
    }

    /** {@code GET /openapi.json}. */
    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String openApiDocument() {
        try (InputStream in = DiscoveryEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
