package io.tokenlife.domain.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed signing key as stored: what is known of it, its public half as a JWK (none for HMAC, which
 * is never published) and its private material sealed by the key adapter. The domain never opens
 * {@code sealed}; the database holds nothing else of the private key.
 */
public record StoredSigningKey(SigningKeyInfo info, Optional<String> publicJwk, byte[] sealed) {
    public StoredSigningKey {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(publicJwk, "publicJwk");
        sealed = Objects.requireNonNull(sealed, "sealed").clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    public String kid() {
        return info.kid();
    }

    /** The same key in another state (the material never changes). */
    public StoredSigningKey with(SigningKeyInfo changed) {
        if (!changed.kid().equals(info.kid())) {
            throw new IllegalArgumentException("a key keeps its kid");
        }
        return new StoredSigningKey(changed, publicJwk, sealed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredSigningKey other && info.equals(other.info) && publicJwk.equals(other.publicJwk)
                && Arrays.equals(sealed, other.sealed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(info, publicJwk, Arrays.hashCode(sealed));
    }

    @Override
    public String toString() {
        return "StoredSigningKey[" + info.kid() + ", " + info.state().wireName() + "]"; // never the material
    }
}
