package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link RefreshTokenStore#none()}: knows no token, records none. */
enum NoRefreshTokens implements RefreshTokenStore {
    INSTANCE;

    @Override
    public void start(TokenFamily family, RefreshToken first) {
        throw new UnsupportedOperationException("refresh tokens are not kept by this process");
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return Optional.empty();
    }

    @Override
    public Optional<RefreshToken> find(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<TokenFamily> family(String familyId) {
        return Optional.empty();
    }

    @Override
    public Optional<RefreshToken> successor(String id) {
        return Optional.empty();
    }

    @Override
    public List<RefreshToken> tokens(String familyId) {
        return List.of();
    }

    @Override
    public boolean rotate(String spentId, Optional<String> graceOf, Instant at, RefreshToken successor) {
        return false;
    }

    @Override
    public boolean revokeFamily(String familyId, Instant at, String revokedBy, String reason) {
        return false;
    }

    @Override
    public int purgeExpired(Instant before) {
        return 0;
    }

    @Override
    public boolean enabled() {
        return false;
    }
}
