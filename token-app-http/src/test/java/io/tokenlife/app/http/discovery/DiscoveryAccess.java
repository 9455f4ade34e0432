package io.tokenlife.app.http.discovery;

import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.AccessRows.Request;

import java.util.Map;

/** The discovery feature's rows of {@code AuthorizationMatrixIT}; its behaviour is tested in {@code DiscoveryAndOperationsIT}. */
public final class DiscoveryAccess {
    /** The public documents: anyone, with or without a token. */
    public static final AccessRows ROWS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /.well-known/jwks.json              | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /.well-known/oauth-authorization-server | 200 | 200 | 200 | 200   | 200 | 200      | 200 | 200     | 200
            GET /openapi.json                       | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            """, Map.of(
            "GET /.well-known/jwks.json", w -> Request.of("GET", "/.well-known/jwks.json"),
            "GET /.well-known/oauth-authorization-server", w -> Request.of("GET", "/.well-known/oauth-authorization-server"),
            "GET /openapi.json", w -> Request.of("GET", "/openapi.json")));

    private DiscoveryAccess() {
    }
}
