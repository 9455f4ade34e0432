package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.out.SigningKeyStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** The signing-key store in memory; attributes unattributed tokens of an {@link InMemoryTokenStore}. */
public class InMemorySigningKeyStore implements SigningKeyStore {
    private final Map<String, StoredSigningKey> keys = new LinkedHashMap<>();
    private final ReentrantLock schedule = new ReentrantLock();
    private final InMemoryTokenStore registry;

    public InMemorySigningKeyStore(InMemoryTokenStore registry) {
        this.registry = registry;
    }

    @Override
    public synchronized List<StoredSigningKey> all() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public synchronized Optional<StoredSigningKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    @Override
    public synchronized void insert(StoredSigningKey key) {
        if (keys.putIfAbsent(key.kid(), key) != null) {
            throw new DuplicateKeyException(key.kid());
        }
    }

    @Override
    public synchronized boolean update(SigningKeyInfo changed) {
        StoredSigningKey stored = keys.get(changed.kid());
        if (stored == null || stored.info().version() != changed.version() - 1) {
            return false;
        }
        keys.put(changed.kid(), stored.with(changed));
        return true;
    }

    @Override
    public boolean exclusively(Runnable work) {
        if (!schedule.tryLock()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            schedule.unlock();
        }
    }

    @Override
    public int attributeUnattributedTokens(String kid) {
        return registry == null ? 0 : registry.attribute(kid);
    }

    /** For {@link InMemoryTokenStore}: rows without a kid get {@code kid}. */
    static TokenRecord attributed(TokenRecord t, String kid) {
        return new TokenRecord(t.jti(), t.subject(), t.source(), t.tokenUse(), t.name(), t.scope(), t.issuedAt(),
                t.expiresAt(), t.revokedAt(), t.revokedBy(), t.reason(), t.lastUsedAt(), kid);
    }
}
