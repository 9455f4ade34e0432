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

import java.time.Duration;

/** Request counts and latency per route, validation outcomes by code, and the JVM basics. */
public final class HttpMetrics {
    private final MeterRegistry registry;

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
        Timer.builder("http.server.requests")
                .description("HTTP requests by route")
                .tag("method", ctx.method().name())
                .tag("route", routeOf(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000d)));
    }

    /** The validation use case, counting outcomes by code ({@code valid} or the rejection code). */
    public ValidateTokenUseCase counting(ValidateTokenUseCase validate) {
        return token -> {
            ValidationResult result = validate.validate(token);
            String outcome = result instanceof ValidationResult.Rejected r ? r.code().wireName() : "valid";
            Counter.builder("tokenlife.token.validations").description("token validations by outcome")
                    .tag("outcome", outcome).register(registry).increment();
            return result;
        };
    }

    private static String routeOf(Context ctx) {
        // only templates of registered routes, so that unknown paths cannot blow up the label set
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
