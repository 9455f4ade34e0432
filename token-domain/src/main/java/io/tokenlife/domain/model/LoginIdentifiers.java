package io.tokenlife.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a log line or a security event may say about a login identifier that is not a known user: people
 * type passwords into the e-mail field, so such an identifier is never written as typed, only as a short
 * keyed digest ({@code id:} and 12 hex digits of SHA-256 over the key and the normalised identifier). The key
 * is made per process: the same identifier gives the same digest in one process, so repeated guesses can be
 * told apart and counted, and a digest in a log cannot be tested offline against a list of passwords.
 *
 * @param key at least 16 random bytes
 */
public record LoginIdentifiers(byte[] key) {
    public LoginIdentifiers {
        if (key.length < 16) {
            throw new IllegalArgumentException("the identifier key must have at least 16 bytes");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The digest of the identifier, normalised as for a lookup (trimmed, lower case). */
    public String digest(String identifier) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(key);
            sha256.update((byte) 0);
            byte[] sum = sha256.digest(Subjects.normalize(identifier).getBytes(StandardCharsets.UTF_8));
            return "id:" + HexFormat.of().formatHex(sum, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
