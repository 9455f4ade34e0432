package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.TokenClaims;

import java.util.Objects;

/** Signs claims into a compact JWS with the configured algorithm and the current key's {@code kid}. */
public interface TokenSigner {
    String sign(TokenClaims claims);

    /**
     * Signs, and says which key did: the registry records it, so a key is retired when its last token
     * expires and its tokens are found when it is revoked. A signer that names no key returns a null kid.
     */
    default Signed signed(TokenClaims claims) {
        return new Signed(sign(claims), null);
    }

    /** A compact JWS and the {@code kid} of the key that signed it (null when the signer names none). */
    record Signed(String compact, String keyId) {
        public Signed {
            Objects.requireNonNull(compact, "compact");
        }

        @Override
        public String toString() {
            return "Signed[kid=" + keyId + "]"; // never the token
        }
    }
}
