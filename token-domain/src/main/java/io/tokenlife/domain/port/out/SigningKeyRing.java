package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.StoredSigningKey;

import java.util.List;

/**
 * The keys this process signs and verifies with, in memory: loaded from the store at start and after
 * every change (here or on another replica), so signing and validation never wait on the database.
 */
public interface SigningKeyRing {
    /**
     * Signs with the active key, verifies next, active and retired keys, refuses tokens of revoked keys.
     * A key whose material cannot be opened is an {@link IllegalStateException} naming it; the ring is then
     * left as it was.
     */
    void load(List<StoredSigningKey> keys);
}
