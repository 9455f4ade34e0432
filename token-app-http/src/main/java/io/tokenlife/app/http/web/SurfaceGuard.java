package io.tokenlife.app.http.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Set;

/**
 * The outermost handler of the web server, before any routing: every answer carries {@code
 * X-Content-Type-Options: nosniff}, and requests no route can serve are answered here as problem+json
 * instead of by the servlet container (an empty 404 for {@code OPTIONS *}, a half-open tunnel for {@code
 * CONNECT}): a method the service does not implement is a 405 with {@code Allow}, a request target that is
 * not a path (the asterisk or authority form) or is not well percent-encoded a 400.
 *
 * <p>These answers come before anyone reads the request body. Left unread, it made the web server close the
 * connection after an answer that had not said so (no {@code Connection: close}): a keep-alive client then
 * sent its next request on a dead connection and got no answer. So the body is read and dropped first, up to
 * {@link RequestBody#DISCARD_LIMIT}; a larger one is not read, and the answer says {@code Connection: close}.
 */
public final class SurfaceGuard extends Handler.Wrapper {
    public static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    /** The methods some route serves; HEAD answers like GET. */
    static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PATCH", "DELETE");
    static final String ALLOW = "GET, HEAD, POST, PATCH, DELETE";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(SurfaceGuard.NOSNIFF_HEADER, NOSNIFF);
        String method = request.getMethod();
        if (!SERVED_METHODS.contains(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
            answer(request, response, Problem.of(405, "invalid_request", "Method not allowed",
                    "this service answers only " + ALLOW), callback);
            return true;
        }
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/")) {
            answer(request, response, Problem.of(400, "invalid_request", "Invalid request",
                    "the request target must be a path starting with '/'"), callback);
            return true;
        }
        if (!wellEncoded(path) || !wellEncoded(request.getHttpURI().getQuery())) {
            // Jetty lets %u0041 through, the router's decoder then fails: refuse it here, named
            answer(request, response, Problem.of(400, "invalid_request", "Invalid request",
                    "the request target has a malformed percent-encoding (each '%' takes two hex digits)"), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * Drops the request body (see the class comment), then writes the problem. A {@code CONNECT} is not read:
     * what follows it is a tunnel's bytes, and its connection is closed after the answer anyway.
     */
    private static void answer(Request request, Response response, Problem problem, Callback callback) {
        if (HttpMethod.CONNECT.is(request.getMethod()) || request.getLength() > RequestBody.DISCARD_LIMIT) {
            closeAfter(response);
            JettyProblemErrorHandler.write(request, response, problem, callback);
            return;
        }
        new Discard(request, () -> JettyProblemErrorHandler.write(request, response, problem, callback),
                () -> {
                    closeAfter(response);
                    JettyProblemErrorHandler.write(request, response, problem, callback);
                }).run();
    }

    private static void closeAfter(Response response) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }

    /**
     * Reads and releases the body chunk by chunk without blocking a thread (it waits for more through {@link
     * Request#demand}); {@code whole} runs at its end, {@code cut} after {@link RequestBody#DISCARD_LIMIT}
     * bytes or when reading fails.
     */
    private static final class Discard implements Runnable {
        private final Request request;
        private final Runnable whole;
        private final Runnable cut;
        private long left = RequestBody.DISCARD_LIMIT;

        Discard(Request request, Runnable whole, Runnable cut) {
            this.request = request;
            this.whole = whole;
            this.cut = cut;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    cut.run();
                    return;
                }
                left -= chunk.remaining();
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    whole.run();
                    return;
                }
                if (left < 0) {
                    cut.run();
                    return;
                }
            }
        }
    }

    /** Every {@code %} of the raw path or query is followed by two hex digits (RFC 3986 §2.1). */
    static boolean wellEncoded(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
