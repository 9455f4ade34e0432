package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A family as its owner or an admin sees it: the family, its refresh tokens (oldest first), and, when it
 * was found by a refresh token, that token, whether it can still be exchanged now, and until when.
 */
public record FamilyView(TokenFamily family, List<RefreshToken> refreshTokens, Optional<RefreshToken> presented,
                         boolean presentedActive, Optional<Instant> presentedUsableUntil) {
    public FamilyView {
        Objects.requireNonNull(family, "family");
        refreshTokens = List.copyOf(refreshTokens);
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(presentedUsableUntil, "presentedUsableUntil");
    }
}
