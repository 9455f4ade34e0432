package io.tokenlife.app.http.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors Jetty answers before a request reaches a route (oversized headers, a malformed request line, an
 * unknown HTTP version, a bad percent-encoding) become problem+json too, in UTF-8, with a detail that
 * names the problem and never a stack trace. A 505 is the client's choice of version, not our fault: it
 * keeps its status but is {@code invalid_request}, not {@code internal_error}.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
    /** Jetty writes an error body only for GET, POST and HEAD by default; a DELETE or PATCH got an empty one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        write(request, response, problemFor(status), callback);
    }

    static Problem problemFor(int status) {
        return switch (status) {
            case 431 -> Problem.of(431, "invalid_request", "Request headers too large",
                    "the request headers are too large (at most 16 KiB)");
            case 413 -> Problem.of(413, "invalid_request", "Request too large", "the request is too large");
            case 414 -> Problem.of(414, "invalid_request", "Request URI too long", "the request URI is too long");
            case 505 -> Problem.of(505, "invalid_request", "HTTP version not supported",
                    "the HTTP version is not supported: use HTTP/1.1");
            case 405 -> Problem.of(405, "invalid_request", "Method not allowed", "the method is not allowed here");
            case 404 -> Problem.of(404, "not_found", "Not found", "no such resource");
            default -> status >= 500
                    ? Problem.of(status, "internal_error", "Internal server error", "an unexpected error occurred")
                    : Problem.of(status, "invalid_request", "Invalid request", "the request is malformed");
        };
    }

    /**
     * Writes a problem straight to Jetty's response, with the headers every answer carries. After a CONNECT
     * the connection would carry a tunnel, so it is closed once the answer is out.
     */
    static void write(Request request, Response response, Problem problem, Callback callback) {
        byte[] body = problem.bytes();
        Callback then = callback;
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            then = Callback.from(() -> {
                callback.succeeded();
                endPoint.close();
            }, callback::failed);
        }
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(SurfaceGuard.NOSNIFF_HEADER, SurfaceGuard.NOSNIFF);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), then);
    }
}
