package io.tokenlife.app.http.web;

import java.nio.charset.StandardCharsets;

/** A value as one segment of a URL path (RFC 3986 {@code segment}): everything but unreserved characters and {@code @} percent-encoded as UTF-8. */
public final class PathSegments {
    private static final String HEX = "0123456789ABCDEF";

    private PathSegments() {
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
