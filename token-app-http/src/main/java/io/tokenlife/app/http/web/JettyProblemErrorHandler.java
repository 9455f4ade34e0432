package io.tokenlife.app.http.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers before a request reaches a route (oversized headers, a malformed request line)
 * become problem+json too, with a detail that names the problem and never a stack trace.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        String code = status >= 500 ? "internal_error" : "invalid_request";
        String detail = switch (status) {
            case 431 -> "the request headers are too large (at most 16 KiB)";
            case 413 -> "the request is too large";
            case 414 -> "the request URI is too long";
            default -> status >= 500 ? "an unexpected error occurred" : "the request is malformed";
        };
        String title = status >= 500 ? "Internal server error" : "Invalid request";
        byte[] body = Json.write(Problem.of(status, code, title, detail)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
