package io.tokenlife.domain.service;

import io.tokenlife.domain.model.IssuedRefreshToken;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.port.out.JtiGenerator;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.port.out.SecretGenerator;
import io.tokenlife.domain.settings.SessionSettings;

import java.time.Instant;
import java.util.Optional;

/**
 * Makes refresh tokens for the session paths (password login, admin login, SSO, refresh). A token's value is
 * handed out once and only its hash is stored; it is issued in the same second as its access token, so a
 * revoke-all cut-off covers both or neither.
 */
public final class RefreshTokenMinter {
    private final RefreshTokenStore store;
    private final SecretGenerator secrets;
    private final JtiGenerator ids;
    private final SessionSettings settings;

    public RefreshTokenMinter(RefreshTokenStore store, SecretGenerator secrets, JtiGenerator ids,
                              SessionSettings settings) {
        this.store = store;
        this.secrets = secrets;
        this.ids = ids;
        this.settings = settings;
    }

    /** A family id for a new login, or nothing when this process keeps no refresh tokens. */
    public Optional<String> newFamilyId() {
        return store.enabled() ? Optional.of(ids.newJti()) : Optional.empty();
    }

    /** Records the family of a login with its first refresh token; nothing without a family. */
    public Optional<IssuedRefreshToken> start(Optional<String> familyId, IssuedToken access) {
        if (familyId.isEmpty()) {
            return Optional.empty();
        }
        Instant at = access.claims().issuedAt();
        TokenFamily family = TokenFamily.started(familyId.get(), access.record().subject(), access.record().source(),
                at);
        Next first = next(family, null, access);
        store.start(family, first.row());
        return Optional.of(first.handout());
    }

    /** The successor of {@code parent} (null for a family's first token), not yet stored. */
    public Next next(TokenFamily family, String parentId, IssuedToken access) {
        Instant at = access.claims().issuedAt();
        String value = secrets.newSecret();
        RefreshToken row = new RefreshToken(ids.newJti(), RefreshToken.hash(value), family.id(), parentId,
                access.jti(), at, settings.expiresAt(at, family.startedAt()), null, null);
        return new Next(row, new IssuedRefreshToken(value, row.id(), family.id(),
                settings.usableUntil(at, family.startedAt())));
    }

    /** A refresh token to store and the same token as handed out. */
    public record Next(RefreshToken row, IssuedRefreshToken handout) {
    }
}
