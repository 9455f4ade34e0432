package io.tokenlife.app.http.web;

/** An RFC 9457 problem document; {@code code} is the stable machine-readable reason. */
public record Problem(String type, String title, int status, String detail, String code) {
    /** Always UTF-8, and said so: without a charset, servlet containers write strings as ISO-8859-1. */
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    static final String TYPE_PREFIX = "urn:tokenlife:problem:";

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code);
    }

    /** The document as UTF-8 JSON bytes. */
    byte[] bytes() {
        return Json.bytes(this);
    }
}
