package io.tokenlife.adapters.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notices that another replica changed a managed signing key, on the revocation sync's thread: at once
 * on a PostgreSQL notification ({@link JdbiSigningKeyStore#CHANNEL}), and at every catch-up by a cheap
 * fingerprint of the table (row count and sum of versions), which repairs a lost notification and is all
 * H2 needs. Tells its listeners; they reload the keys themselves.
 */
final class SigningKeyWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyWatch.class);

    private final Database db;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile long fingerprint = Long.MIN_VALUE;

    SigningKeyWatch(Database db) {
        this.db = db;
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** A notification said a key changed. */
    void notified() {
        fingerprint = Long.MIN_VALUE;
        tell();
    }

    /** Tells the listeners if the table changed since the last check; a database failure waits for the next one. */
    void catchUp() {
        if (listeners.isEmpty()) {
            return;
        }
        long now;
        try {
            now = db.withHandle("watch signing keys", h -> h.createQuery(
                            "SELECT COUNT(*) * 1000003 + COALESCE(SUM(version), 0) FROM signing_keys")
                    .mapTo(Long.class).one());
        } catch (RuntimeException e) {
            LOG.debug("signing keys not checked: {}", e.toString());
            return;
        }
        long before = fingerprint;
        fingerprint = now;
        // the first look tells too: a change between a listener's own load and this first fingerprint would
        // otherwise become the baseline and never be told (one extra reload at start is the price)
        if (before != now) {
            tell();
        }
    }

    private void tell() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a signing-key listener failed: {}", e.toString());
            }
        }
    }
}
