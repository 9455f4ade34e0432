package io.tokenlife.app.http.ops;

import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.AccessRows.Request;

import java.util.Map;

/** The ops feature's rows of {@code AuthorizationMatrixIT}; its behaviour is tested in {@code DiscoveryAndOperationsIT}. */
public final class OpsAccess {
    /** Liveness, readiness and metrics: anyone, with or without a token. */
    public static final AccessRows ROWS = new AccessRows("""
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /health                             | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /ready                              | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /metrics                            | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            """, Map.of(
            "GET /health", w -> Request.of("GET", "/health"),
            "GET /ready", w -> Request.of("GET", "/ready"),
            "GET /metrics", w -> Request.of("GET", "/metrics")));

    private OpsAccess() {
    }
}
