package io.tokenlife.domain.service;

import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.FindTokenQuery;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListTokensQuery;
import io.tokenlife.domain.port.in.ListTokensResult;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.port.out.RevocationStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reading the registry as the actor may see it, and purging what expired longer than the leeway ago. */
public final class TokenRegistryService implements ListTokensUseCase, FindTokenUseCase, PurgeExpiredUseCase {
    private final IssuedTokenStore registry;
    private final RevocationStore revocations;
    private final RefreshTokenStore refreshTokens;
    private final Duration leeway;
    private final Clock clock;

    public TokenRegistryService(IssuedTokenStore registry, RevocationStore revocations, RefreshTokenStore refreshTokens,
                                Duration leeway, Clock clock) {
        this.registry = registry;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.leeway = leeway;
        this.clock = clock;
    }

    @Override
    public ListTokensResult list(ListTokensQuery request) {
        Optional<TokenQuery> query = TokenAccessPolicy.listable(request.actor(), request.query());
        if (query.isEmpty()) {
            return new ListTokensResult.Forbidden("only an admin may list the tokens of another subject");
        }
        try {
            return new ListTokensResult.Listed(registry.list(query.get(), clock.instant()));
        } catch (IssuedTokenStore.InvalidCursorException e) {
            return new Invalid(Field.CURSOR, e.getMessage());
        }
    }

    @Override
    public Optional<TokenRecord> find(FindTokenQuery query) {
        return registry.find(query.jti()).filter(token -> TokenAccessPolicy.maySee(query.actor(), token));
    }

    @Override
    public PurgeResult purge() {
        // a token is accepted until exp + leeway, so its row and revocation must live at least that long
        Instant before = clock.instant().minus(leeway);
        return new PurgeResult(registry.purgeExpired(before), revocations.purgeExpiredRevocations(before),
                refreshTokens.purgeExpired(before));
    }
}
