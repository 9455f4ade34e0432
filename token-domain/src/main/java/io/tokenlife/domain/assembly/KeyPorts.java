package io.tokenlife.domain.assembly;

import io.tokenlife.domain.port.out.SigningKeyMaterials;
import io.tokenlife.domain.port.out.SigningKeyRing;
import io.tokenlife.domain.port.out.SigningKeyStore;

import java.util.Objects;
import java.util.Optional;

/**
 * The outbound ports of managed signing keys ({@code KEY_MANAGEMENT=managed}): the shared store, the
 * maker of sealed key material and this process's ring. {@link #none()} for static keys.
 */
public record KeyPorts(Optional<Managed> managed) {
    public KeyPorts {
        Objects.requireNonNull(managed, "managed");
    }

    public record Managed(SigningKeyStore store, SigningKeyMaterials materials, SigningKeyRing ring) {
        public Managed {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(materials, "materials");
            Objects.requireNonNull(ring, "ring");
        }
    }

    /** Static keys from the configuration: nothing to manage. */
    public static KeyPorts none() {
        return new KeyPorts(Optional.empty());
    }

    public static KeyPorts managed(SigningKeyStore store, SigningKeyMaterials materials, SigningKeyRing ring) {
        return new KeyPorts(Optional.of(new Managed(store, materials, ring)));
    }
}
