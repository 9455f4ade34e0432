package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.port.out.IssuedTokenStore.InvalidCursorException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a registry listing: the position (issued_at, jti) of the last row served. */
record KeysetCursor(long issuedAtMillis, String jti) {

    String encode() {
        String plain = issuedAtMillis + ":" + jti;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static KeysetCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException();
            }
            return new KeysetCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }
}
