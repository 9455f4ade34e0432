package io.tokenlife.domain.model;

import io.tokenlife.domain.settings.SigningAlgorithm;

/**
 * Every bound on what the platform accepts, held once. The use cases check their input against these
 * before any store sees it, so an oversized value is a bad request naming its field; the database
 * columns are at least as wide (a persistence test compares them).
 */
public final class Limits {
    /** A compact token, at validation step 1 and wherever a token is read (SSO ID tokens, the CLI). */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** A subject: an e-mail address (RFC 5321: 64 characters, '@', 255). */
    public static final int MAX_SUBJECT = 320;
    /** Any jti the registry records or a revocation names, including one of a token minted elsewhere. */
    public static final int MAX_JTI = 255;
    /** A jti a caller chooses at issuance (printable ASCII). */
    public static final int MAX_REQUESTED_JTI = 128;
    /** The space-separated scope of a token. */
    public static final int MAX_SCOPE = 4000;
    /** The label of an API token. */
    public static final int MAX_TOKEN_NAME = 200;
    /** A user's full name. */
    public static final int MAX_FULL_NAME = 200;
    /** Why a token was revoked. */
    public static final int MAX_REASON = 500;
    /** A signing key's {@code kid}: ours are 22 (HMAC) or 43 (thumbprint) characters; room for imported ones. */
    public static final int MAX_KID = 128;
    /** A user's password. */
    public static final int MIN_PASSWORD = 10;
    /** The shortest HMAC secret of the weakest HMAC algorithm. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;

    private Limits() {
    }

    /** An HMAC key at least as long as the hash output (RFC 7518 §3.2): 32, 48 or 64 bytes. */
    public static int minHmacSecretBytes(SigningAlgorithm algorithm) {
        switch (algorithm) {
            case HS384:
                return 48;
            case HS512:
                return 64;
            default:
                return MIN_HMAC_SECRET_BYTES;
        }
    }

    /** Whether {@code value} (may be null) is longer than {@code max} characters. */
    public static boolean exceeds(String value, int max) {
        return value != null && value.length() > max;
    }
}
