package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
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
 * Revokes one jti, if the actor may (owner or admin). A jti the registry never saw (a token minted
 * elsewhere with our key) is revoked too when an admin asks; its revocation is kept until no token we
 * accept could still be alive.
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
        Optional<Invalid> invalid = invalid(command);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<TokenRecord> known = registry.find(command.jti());
        Optional<String> owner = command.tokenSubject().or(() -> known.map(TokenRecord::subject));
        if (!TokenAccessPolicy.mayRevoke(command.actor(), owner)) {
            return new RevokeTokenResult.NotVisible(command.jti());
        }
        Instant now = clock.instant();
        Instant expiresAt = known.map(TokenRecord::expiresAt).orElseGet(() -> unknownTokenHorizon(now));
        String revokedBy = command.actor().subject();
        Revocation revocation = new Revocation(command.jti(), known.map(TokenRecord::subject).orElse(null), now,
                revokedBy, command.reason().orElse(null), expiresAt);
        boolean newly = revocations.revoke(revocation);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jti", command.jti());
        fields.put("subject", revocation.subject());
        fields.put("revoked_by", revokedBy);
        fields.put("reason", revocation.reason());
        fields.put("already_revoked", String.valueOf(!newly));
        events.emit(SecurityEvent.info(SecurityEventType.TOKEN_REVOKED, "token revoked", fields));
        return new RevokeTokenResult.Revoked(command.jti(), newly, now, known.map(TokenRecord::subject));
    }

    private static Optional<Invalid> invalid(RevokeTokenCommand command) {
        if (command.jti().isBlank()) {
            return Optional.of(Invalid.blank(Field.JTI));
        }
        if (Limits.exceeds(command.jti(), Limits.MAX_JTI)) {
            return Optional.of(Invalid.tooLong(Field.JTI, Limits.MAX_JTI));
        }
        if (Limits.exceeds(command.reason().orElse(null), Limits.MAX_REASON)) {
            return Optional.of(Invalid.tooLong(Field.REASON, Limits.MAX_REASON));
        }
        return Actors.tooLong(command.actor());
    }

    /** No token we accept lives longer than the API maximum; without required expiry, keep it forever. */
    private Instant unknownTokenHorizon(Instant now) {
        return settings.longestTokenLifetime().map(lifetime -> now.plus(lifetime).plus(settings.leeway())).orElse(null);
    }
}
