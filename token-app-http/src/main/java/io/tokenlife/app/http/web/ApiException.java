package io.tokenlife.app.http.web;

import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.port.in.Invalid;

import java.util.Map;
import java.util.Objects;

/**
 * An HTTP outcome other than success: status, stable {@code code} and a detail that names what is wrong.
 * Thrown by handlers, rendered as problem+json by {@link ProblemMapper} only. The detail never holds a
 * token, a password or a secret.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false); // an outcome, not a fault: no stack trace to fill
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.headers = Map.copyOf(headers);
    }

    public static ApiException invalidRequest(String detail) {
        return new ApiException(400, "invalid_request", "Invalid request", detail, Map.of());
    }

    /** A command the domain refused for its input: 400 naming the field as the client sent it. */
    public static ApiException invalid(Invalid invalid) {
        return invalidRequest("the field '" + WireNames.of(invalid.field()) + "' is refused: " + invalid.detail());
    }

    /**
     * A refresh token that cannot be exchanged (RFC 6749 §5.2 {@code invalid_grant}): 400, and the same
     * detail whatever was wrong with it.
     */
    public static ApiException invalidGrant(String detail) {
        return new ApiException(400, "invalid_grant", "Invalid grant", detail, Map.of());
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "invalid_request", "Request too large", detail, Map.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"tokenlife\""));
    }

    /** The presented token failed validation: 401 with the validation code (RFC 6750 §3.1). */
    public static ApiException invalidToken(ValidationCode code, String detail) {
        return new ApiException(401, code.wireName(), "Invalid token", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"tokenlife\", error=\"invalid_token\", error_description=\""
                        + code.wireName() + "\""));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", "Not found", detail, Map.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, Map.of());
    }

    /** 429 with {@code Retry-After} in whole seconds, at least 1. */
    public static ApiException rateLimited(String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(429, "rate_limited", "Too many requests", detail,
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "service_unavailable", "Service unavailable", detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
