package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenStatus;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Counts over the registry, at the clock's now. */
public final class CountTokensService implements CountTokensUseCase {
    private final IssuedTokenStore registry;
    private final Clock clock;

    public CountTokensService(IssuedTokenStore registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public TokenCounts counts() {
        Instant now = clock.instant();
        return registry.counts(now, now.minus(RECENT_REVOCATIONS));
    }

    @Override
    public long liveTokensOf(String subject) {
        String normalized = Subjects.normalize(subject);
        if (normalized == null || normalized.isEmpty()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        TokenQuery live = new TokenQuery(Optional.of(normalized), Optional.of(TokenStatus.ACTIVE), Optional.empty(),
                Optional.empty(), 1);
        return registry.count(live, clock.instant());
    }
}
