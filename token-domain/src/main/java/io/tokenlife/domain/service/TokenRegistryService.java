package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Page;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.in.FindTokenUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.RevocationStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reading the registry, and purging what expired longer than the leeway ago. */
public final class TokenRegistryService implements ListTokensUseCase, FindTokenUseCase, PurgeExpiredUseCase {
    private final IssuedTokenStore registry;
    private final RevocationStore revocations;
    private final Duration leeway;
    private final Clock clock;

    public TokenRegistryService(IssuedTokenStore registry, RevocationStore revocations, Duration leeway, Clock clock) {
        this.registry = registry;
        this.revocations = revocations;
        this.leeway = leeway;
        this.clock = clock;
    }

    @Override
    public Page<TokenRecord> list(TokenQuery query) {
        return registry.list(query, clock.instant());
    }

    @Override
    public Optional<TokenRecord> find(String jti) {
        return registry.find(jti);
    }

    @Override
    public PurgeResult purge() {
        // a token is accepted until exp + leeway, so its row and revocation must live at least that long
        Instant before = clock.instant().minus(leeway);
        return new PurgeResult(registry.purgeExpired(before), revocations.purgeExpiredRevocations(before));
    }
}
