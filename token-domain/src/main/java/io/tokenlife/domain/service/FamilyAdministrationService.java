package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.port.in.FamilyRef;
import io.tokenlife.domain.port.in.FamilyView;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.FindFamilyQuery;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.settings.SessionSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Families for owners and admins ({@code GET/DELETE /families/{id}}, {@code tokenlife token list --family},
 * {@code token revoke-family}, and refresh tokens presented to RFC 7009 and RFC 7662). Whose a family is,
 * is its subject's; "not visible" is the answer for an unknown family as for another user's.
 */
public final class FamilyAdministrationService implements ManageFamiliesUseCase {
    private final RefreshTokenStore store;
    private final FamilyRevocation revocation;
    private final RevocationIndex index;
    private final SessionSettings settings;
    private final Clock clock;

    public FamilyAdministrationService(RefreshTokenStore store, FamilyRevocation revocation, RevocationIndex index,
                                       SessionSettings settings, Clock clock) {
        this.store = store;
        this.revocation = revocation;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<FamilyView> find(FindFamilyQuery query) {
        Optional<RefreshToken> presented = presented(query.family());
        return family(query.family(), presented)
                .filter(f -> query.actor().admin() || query.actor().is(f.subject()))
                .map(f -> new FamilyView(f, store.tokens(f.id()), presented,
                        presented.map(t -> exchangeable(t, f, clock.instant())).orElse(false),
                        presented.map(t -> settings.usableUntil(t.issuedAt(), f.startedAt()))));
    }

    @Override
    public RevokeFamilyResult revoke(RevokeFamilyCommand command) {
        if (command.family() instanceof FamilyRef.ById byId && Limits.exceeds(byId.familyId(), Limits.MAX_JTI)) {
            return Invalid.tooLong(Field.FAMILY, Limits.MAX_JTI);
        }
        if (Limits.exceeds(command.reason().orElse(null), Limits.MAX_REASON)) {
            return Invalid.tooLong(Field.REASON, Limits.MAX_REASON);
        }
        Optional<Invalid> actor = Actors.tooLong(command.actor());
        if (actor.isPresent()) {
            return actor.get();
        }
        Optional<TokenFamily> family = family(command.family(), presented(command.family()))
                .filter(f -> command.actor().admin() || command.actor().is(f.subject()));
        if (family.isEmpty()) {
            return new RevokeFamilyResult.NotVisible();
        }
        int revoked = revocation.revoke(family.get(), command.actor().subject(),
                command.reason().orElse("family revoked"), clock.instant());
        return new RevokeFamilyResult.Revoked(family.get().id(), family.get().subject(), revoked);
    }

    /** Whether a refresh for this token would be accepted now, as far as the token and its family go. */
    private boolean exchangeable(RefreshToken token, TokenFamily family, Instant now) {
        return !family.isRevoked() && !token.isSpent()
                && now.isBefore(settings.usableUntil(token.issuedAt(), family.startedAt()))
                && !index.check(null, family.subject(), token.issuedAt()).isRevoked();
    }

    private Optional<RefreshToken> presented(FamilyRef ref) {
        if (ref instanceof FamilyRef.ByRefreshToken byValue) {
            String value = byValue.value().strip();
            return value.isEmpty() || Limits.exceeds(value, RefreshSessionService.MAX_VALUE)
                    ? Optional.empty() : store.findByHash(RefreshToken.hash(value));
        }
        if (ref instanceof FamilyRef.ByRefreshTokenId byId) {
            return Limits.exceeds(byId.refreshTokenId(), Limits.MAX_JTI) ? Optional.empty()
                    : store.find(byId.refreshTokenId());
        }
        return Optional.empty();
    }

    private Optional<TokenFamily> family(FamilyRef ref, Optional<RefreshToken> presented) {
        if (ref instanceof FamilyRef.ById byId) {
            return Limits.exceeds(byId.familyId(), Limits.MAX_JTI) ? Optional.empty() : store.family(byId.familyId());
        }
        return presented.flatMap(t -> store.family(t.familyId()));
    }
}
