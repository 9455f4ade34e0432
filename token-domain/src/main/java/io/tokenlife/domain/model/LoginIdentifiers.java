package io.tokenlife.domain.model;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What a log line or a security event may say about a login identifier that is not a known user: people
 * type passwords into the e-mail field, so such an identifier is never written as typed, only as a short
 * keyed digest ({@code id:} and 12 hex digits of HMAC-SHA-256). The key is made per process: the same
 * identifier gives the same digest in one process, so repeated guesses can be told apart and counted, and a
 * digest in a log cannot be tested offline against a list of passwords.
 */
public final class LoginIdentifiers {
    private final byte[] key;

    public LoginIdentifiers(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the identifier key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The digest of the identifier, normalised as for a lookup (trimmed, lower case). */
    public String digest(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = mac.doFinal(Subjects.normalize(identifier).getBytes(StandardCharsets.UTF_8));
            return "id:" + HexFormat.of().formatHex(sum, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
