package io.tokenlife.domain.assembly;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.PasswordHasher;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.port.out.UserStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stores of {@link Ports#offline}: nothing is recorded or known; durable writes refuse. */
final class NoDatabase implements IssuedTokenStore, RevocationStore, PasswordHasher {
    private static final String NEEDS_DB = "this operation needs the database; it is not available without one";

    @Override
    public void record(TokenRecord token) {
        // offline: the token is issued but not recorded, as the operator asked
    }

    @Override
    public Optional<TokenRecord> find(String jti) {
        return Optional.empty();
    }

    @Override
    public Page<TokenRecord> list(TokenQuery query, Instant now) {
        return new Page<>(List.of(), Optional.empty());
    }

    @Override
    public long count(TokenQuery query, Instant now) {
        return 0;
    }

    @Override
    public TokenCounts counts(Instant now, Instant revokedSince) {
        return new TokenCounts(now, Map.of(), Map.of(), revokedSince, 0);
    }

    /** Nothing was recorded, so nothing is known to be alive. */
    @Override
    public KeyUsage keyUsage(String keyId, Instant now) {
        return KeyUsage.unused(keyId);
    }

    @Override
    public void touch(String jti, Instant at) {
        // nothing to remember without a registry
    }

    @Override
    public int purgeExpired(Instant before) {
        throw needsDatabase();
    }

    @Override
    public boolean revoke(Revocation revocation) {
        throw needsDatabase();
    }

    @Override
    public void revokeAll(RevocationCutoff cutoff) {
        throw needsDatabase();
    }

    @Override
    public int purgeExpiredRevocations(Instant before) {
        throw needsDatabase();
    }

    @Override
    public String hash(String password) {
        throw needsDatabase();
    }

    @Override
    public boolean matches(String password, String hash) {
        return false;
    }

    private static StoreUnavailableException needsDatabase() {
        return new StoreUnavailableException(NEEDS_DB, null);
    }

    /** No user is known without the database. */
    static final class NoUsers implements UserStore {
        @Override
        public Optional<User> find(String email) {
            return Optional.empty();
        }

        @Override
        public boolean create(User user) {
            throw needsDatabase();
        }

        @Override
        public boolean update(User user) {
            throw needsDatabase();
        }

        @Override
        public List<User> list() {
            return List.of();
        }
    }
}
