package io.tokenlife.app.http.web;

/** An RFC 9457 problem document; {@code code} is the stable machine-readable reason. */
public record Problem(String type, String title, int status, String detail, String code) {
    public static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:tokenlife:problem:";

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code);
    }
}
