package io.tokenlife.app.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where outcomes and failures become RFC 9457 problem documents: every exception a
 * handler throws, Javalin's own errors (unknown route, ...) and Jetty's errors before routing
 * (oversized headers, malformed requests). Bad input reaches here only as an {@link ApiException} the
 * handler made from a domain result; anything else from below a handler — an {@code
 * IllegalArgumentException} too — is a bug: a logged 500.
 */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** At most this much of a refused body is read and dropped before the answer; a larger one is cut off. */
    private static final long DISCARD_LIMIT = 1024 * 1024;

    private ProblemMapper() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
        config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            render(ctx, ApiException.unavailable("the token store is unavailable; retry later"));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromJavalin(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            render(ctx, new ApiException(500, "internal_error", "Internal server error",
                    "an unexpected error occurred; it has been logged", java.util.Map.of()));
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));
    }

    public static void render(Context ctx, ApiException e) {
        discardUnreadBody(ctx);
        e.headers().forEach(ctx::header);
        ctx.status(e.status())
                .contentType(Problem.CONTENT_TYPE)
                .result(Problem.of(e.status(), e.code(), e.title(), e.detail()).bytes());
    }

    /**
     * Reads what is left of a request body the answer refuses (a cross-site post, an unsupported method, a
     * body too large), up to a bound: a server that closes with unread bytes resets the connection, and the
     * client then loses the answer it was sent.
     */
    private static void discardUnreadBody(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] scratch = new byte[8192];
            long left = DISCARD_LIMIT;
            int n;
            while (left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the body was read already or the client went away: nothing to discard
        }
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            return ApiException.notFound("no route for " + ctx.method() + " " + ctx.path());
        }
        if (status == 413) {
            return ApiException.tooLarge("the request body is too large");
        }
        if (status == 405) {
            return new ApiException(405, "invalid_request", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path(), java.util.Map.of());
        }
        if (status >= 500) {
            LOG.error("server error {} on {} {}", status, ctx.method(), ctx.path());
            return new ApiException(status, "internal_error", "Internal server error",
                    "an unexpected error occurred; it has been logged", java.util.Map.of());
        }
        return new ApiException(status, "invalid_request", "Invalid request", e.getMessage(), java.util.Map.of());
    }
}
