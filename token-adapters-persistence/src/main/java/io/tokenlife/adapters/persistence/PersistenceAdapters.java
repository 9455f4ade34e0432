package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.UserStore;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;

/**
 * The persistence adapter's entry point for composition roots: one connection pool, the migrations,
 * and the stores over it; the revocation index is kept current in the background.
 * STUB: the API is agreed; the implementation lands with the persistence adapter.
 */
public final class PersistenceAdapters implements AutoCloseable {
    private PersistenceAdapters() {
    }

    /** Opens the pool for DATABASE_URL. Does not migrate. */
    public static PersistenceAdapters open(TokenlifeSettings settings, Clock clock) {
        throw new UnsupportedOperationException("persistence adapter not implemented yet");
    }

    /** Runs the Flyway migrations; returns how many were applied. */
    public int migrate() {
        throw new UnsupportedOperationException();
    }

    /** Loads the live revocations into memory and starts keeping them current (LISTEN/NOTIFY, catch-up). */
    public void startRevocationSync() {
        throw new UnsupportedOperationException();
    }

    public IssuedTokenStore registry() {
        throw new UnsupportedOperationException();
    }

    public RevocationStore revocations() {
        throw new UnsupportedOperationException();
    }

    public RevocationIndex revocationIndex() {
        throw new UnsupportedOperationException();
    }

    public UserStore users() {
        throw new UnsupportedOperationException();
    }

    public PasswordHasher passwords() {
        throw new UnsupportedOperationException();
    }

    /** The database answers now (for {@code /ready}). */
    public boolean isReachable() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
