package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.StoredSigningKey;

import java.util.List;
import java.util.Optional;

/**
 * The managed signing keys every replica shares. Writes are durable when they return and throw
 * {@link StoreUnavailableException} when the store is down; a change names the version it expects, so of
 * two replicas making the same change only one succeeds.
 */
public interface SigningKeyStore {
    /** Every key, removed and revoked ones too, oldest first. */
    List<StoredSigningKey> all();

    Optional<StoredSigningKey> find(String kid);

    /** Stores a new key; a kid stored before is a {@link DuplicateKeyException}. */
    void insert(StoredSigningKey key);

    /**
     * Replaces what is known of {@code changed.kid()} if its stored version is still
     * {@code changed.version() - 1}; false (and nothing changed) when another writer was first.
     */
    boolean update(SigningKeyInfo changed);

    /**
     * Runs {@code work} only if no other replica runs scheduled key work at the same moment (PostgreSQL: an
     * advisory lock); false when another holds it.
     */
    boolean exclusively(Runnable work);

    /**
     * The registry's tokens that name no key were signed by the static key before kids were recorded:
     * on import they are attributed to it, so it is retired only after they expire. Returns how many.
     */
    int attributeUnattributedTokens(String kid);

    /** The same kid was stored before. */
    final class DuplicateKeyException extends RuntimeException {
        public DuplicateKeyException(String kid) {
            super("a signing key with kid '" + kid + "' is stored already");
        }
    }
}
