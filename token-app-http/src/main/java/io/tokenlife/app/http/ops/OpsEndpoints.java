package io.tokenlife.app.http.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.ApiException;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.app.http.web.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness, readiness and Prometheus metrics. */
public final class OpsEndpoints implements Endpoints {
    private static final Logger LOG = LoggerFactory.getLogger(OpsEndpoints.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ReadinessCheck readiness;
    private final PrometheusMeterRegistry registry;

    public OpsEndpoints(ReadinessCheck readiness, PrometheusMeterRegistry registry) {
        this.readiness = readiness;
        this.registry = registry;
    }

    @Override
    public void declare(RoutesConfig routes) {
        Routing.get(routes, "/health", this::health, Access.ANYONE);
        Routing.get(routes, "/ready", this::ready, Access.ANYONE);
        Routing.get(routes, "/metrics", this::metrics, Access.ANYONE);
    }

    /** {@code GET /health}: the process answers. */
    private void health(Context ctx) {
        Responses.json(ctx, Map.of("status", "ok"));
    }

    /** {@code GET /ready}: 200 when the database answers and revocations are in sync, 503 otherwise. */
    private void ready(Context ctx) {
        ReadinessCheck.Readiness r;
        try {
            r = readiness.check();
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed: {}", e.toString());
            r = new ReadinessCheck.Readiness(false, false);
        }
        if (!r.ready()) {
            throw ApiException.unavailable("not ready: database " + (r.databaseReachable() ? "reachable" : "unreachable")
                    + ", revocations " + (r.revocationsInSync() ? "in sync" : "not in sync")
                    + r.keyRotationWaits().map(w -> ", key rotation waits").orElse(""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        body.put("database", "reachable");
        body.put("revocations", "in_sync");
        r.keyRotationWaits().ifPresent(w -> body.put("key_rotation", "waiting: " + w));
        Responses.json(ctx, body);
    }

    /** {@code GET /metrics}: Prometheus text format. */
    private void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }
}
