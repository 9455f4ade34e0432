package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Revocation;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.RevokeTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.settings.RevocationSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Revokes one jti. A jti the registry never saw (a token minted elsewhere with our key) is revoked too;
 * its revocation is kept until no token we accept could still be alive.
 */
public final class RevokeTokenService implements RevokeTokenUseCase {
    private final IssuedTokenStore registry;
    private final RevocationStore revocations;
    private final SecurityEvents events;
    private final RevocationSettings settings;
    private final Clock clock;

    public RevokeTokenService(IssuedTokenStore registry, RevocationStore revocations, SecurityEvents events,
                              RevocationSettings settings, Clock clock) {
        this.registry = registry;
        this.revocations = revocations;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RevokeTokenResult revoke(RevokeTokenCommand command) {
        if (command.jti().isBlank()) {
            throw new IllegalArgumentException("jti must not be blank");
        }
        Instant now = clock.instant();
        Optional<TokenRecord> known = registry.find(command.jti());
        Instant expiresAt = known.map(TokenRecord::expiresAt).orElseGet(() -> unknownTokenHorizon(now));
        Revocation revocation = new Revocation(command.jti(), known.map(TokenRecord::subject).orElse(null), now,
                command.revokedBy(), command.reason().orElse(null), expiresAt);
        boolean newly = revocations.revoke(revocation);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jti", command.jti());
        fields.put("subject", revocation.subject());
        fields.put("revoked_by", command.revokedBy());
        fields.put("reason", revocation.reason());
        fields.put("already_revoked", String.valueOf(!newly));
        events.emit(SecurityEvent.info(SecurityEventType.TOKEN_REVOKED, "token revoked", fields));
        return new RevokeTokenResult(command.jti(), newly, now);
    }

    /** No token we accept lives longer than the API maximum; without required expiry, keep it forever. */
    private Instant unknownTokenHorizon(Instant now) {
        return settings.longestTokenLifetime().map(lifetime -> now.plus(lifetime).plus(settings.leeway())).orElse(null);
    }
}
