package io.tokenlife.app.http.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latency per route, validation outcomes by code, and the JVM basics. Each meter is
 * looked up once and kept: building and registering it on every request (tags sorted, an id made, the
 * registry searched) showed as a few per cent of an introspection's CPU under load (bench/README.md).
 * Both label sets are bounded: route templates by status, and validation codes.
 */
public final class HttpMetrics {
    private final MeterRegistry registry;
    private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    /**
     * Equality and hash written out: the generated ones of a record go through method handles, which showed
     * in the profile of every request (bench/README.md, "Results of 2026-12-01, evening").
     */
    private record RequestKey(String method, String route, int status) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RequestKey k && status == k.status && route.equals(k.route) && method.equals(k.method);
        }

        @Override
        public int hashCode() {
            return (31 * method.hashCode() + route.hashCode()) * 31 + status;
        }
    }

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static void bindJvmMetrics(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A Javalin request logger: one timer per method, route template and status. */
    public void recordRequest(Context ctx, Float millis) {
        RequestKey key = new RequestKey(ctx.method().name(), routeOf(ctx), ctx.statusCode());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
                    .description("HTTP requests by route")
                    .tag("method", k.method())
                    .tag("route", k.route())
                    .tag("status", Integer.toString(k.status()))
                    .register(registry));
        }
        timer.record((long) (millis * 1_000_000d), TimeUnit.NANOSECONDS);
    }

    /** The validation use case, counting outcomes by code ({@code valid} or the rejection code). */
    public ValidateTokenUseCase counting(ValidateTokenUseCase validate) {
        return token -> {
            ValidationResult result = validate.validate(token);
            String outcome = result instanceof ValidationResult.Rejected r ? r.code().wireName() : "valid";
            Counter counter = outcomes.get(outcome);
            if (counter == null) {
                counter = outcomes.computeIfAbsent(outcome, o -> Counter.builder("tokenlife.token.validations")
                        .description("token validations by outcome").tag("outcome", o).register(registry));
            }
            counter.increment();
            return result;
        };
    }

    private static String routeOf(Context ctx) {
        // only templates of registered routes, so that unknown paths cannot blow up the label set
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
