package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.TokenVerifier;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;

/**
 * The JWT adapter's entry point for composition roots: the key ring loaded from the settings, the
 * signer, the (cached) verifier and the public JWK set.
 * STUB: the API is agreed; the implementation lands with the JWT adapter.
 */
public final class JwtAdapters {
    private JwtAdapters() {
    }

    /**
     * Loads the keys of {@code settings} (HMAC secret or PEM files; in development a generated key when
     * none is configured). A missing or unreadable key file is a {@link KeyLoadException} naming the path.
     */
    public static JwtAdapters create(TokenlifeSettings settings, Clock clock) {
        throw new UnsupportedOperationException("JWT adapter not implemented yet");
    }

    public TokenSigner signer() {
        throw new UnsupportedOperationException();
    }

    /** Steps 1–3 of validation, behind the verified-token cache when VERIFIED_TOKEN_CACHE_SIZE > 0. */
    public TokenVerifier verifier() {
        throw new UnsupportedOperationException();
    }

    /** {@code {"keys":[...]}} with public keys only, never private or symmetric material. */
    public String publicJwkSetJson() {
        throw new UnsupportedOperationException();
    }

    /** A key could not be loaded; the message names the variable and the path. */
    public static final class KeyLoadException extends RuntimeException {
        public KeyLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
