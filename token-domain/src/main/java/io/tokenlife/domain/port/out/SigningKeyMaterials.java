package io.tokenlife.domain.port.out;

import io.tokenlife.domain.settings.SigningAlgorithm;

import java.util.Objects;
import java.util.Optional;

/**
 * Makes key material for managed keys, sealed so the store only ever holds ciphertext: a fresh key for
 * the configured algorithm, or the static key of the configuration (for {@code keys import}).
 */
public interface SigningKeyMaterials {
    SigningAlgorithm algorithm();

    Material generate();

    /** The key {@code JWT_SECRET_KEY} or the PEM files configure, sealed; empty when none is configured. */
    Optional<Material> staticKey();

    /** A key's kid, its public JWK (none for HMAC) and its sealed private material. */
    record Material(String kid, SigningAlgorithm algorithm, Optional<String> publicJwk, byte[] sealed) {
        public Material {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(publicJwk, "publicJwk");
            sealed = Objects.requireNonNull(sealed, "sealed").clone();
        }

        @Override
        public byte[] sealed() {
            return sealed.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Material m && kid.equals(m.kid) && algorithm == m.algorithm
                    && publicJwk.equals(m.publicJwk) && java.util.Arrays.equals(sealed, m.sealed);
        }

        @Override
        public int hashCode() {
            return kid.hashCode();
        }

        @Override
        public String toString() {
            return "Material[" + kid + "]";
        }
    }
}
