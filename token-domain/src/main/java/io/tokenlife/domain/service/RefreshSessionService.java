package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedSession;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.RefreshToken;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.TokenFamily;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.RefreshSessionCommand;
import io.tokenlife.domain.port.in.RefreshSessionResult;
import io.tokenlife.domain.port.in.RefreshSessionResult.Refused;
import io.tokenlife.domain.port.in.RefreshSessionResult.Why;
import io.tokenlife.domain.port.in.RefreshSessionUseCase;
import io.tokenlife.domain.port.out.RefreshTokenStore;
import io.tokenlife.domain.revocation.RevocationIndex;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.port.out.UserDirectory;
import io.tokenlife.domain.settings.BootstrapAdmin;
import io.tokenlife.domain.settings.SessionSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refresh-token rotation with reuse detection (OAuth 2.1, RFC 9700 §4.14). The presented token is spent and
 * its successor stored in one transaction, after the new access token is recorded, so a failure leaves the
 * old token usable and nothing half-rotated. A spent token presented again revokes its whole family, unless
 * it is the immediately previous token, within the grace window, used so for the first time: then the
 * current token is spent in its place (a family never has two live refresh tokens).
 */
public final class RefreshSessionService implements RefreshSessionUseCase {
    /** The longest value worth hashing: ours are 47 characters. */
    static final int MAX_VALUE = 256;

    private final RefreshTokenStore store;
    private final RefreshTokenMinter minter;
    private final IssueTokenUseCase issuer;
    private final FamilyRevocation families;
    private final RevocationStore revocations;
    private final RevocationIndex index;
    private final UserDirectory users;
    private final BootstrapAdmin bootstrap;
    private final SessionSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public RefreshSessionService(RefreshTokenStore store, RefreshTokenMinter minter, IssueTokenUseCase issuer,
                                 FamilyRevocation families, RevocationStore revocations, RevocationIndex index,
                                 UserDirectory users, BootstrapAdmin bootstrap, SessionSettings settings,
                                 SecurityEvents events, Clock clock) {
        this.store = store;
        this.minter = minter;
        this.issuer = issuer;
        this.families = families;
        this.revocations = revocations;
        this.index = index;
        this.users = users;
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public RefreshSessionResult refresh(RefreshSessionCommand command) {
        String value = command.refreshToken().strip();
        if (value.isEmpty() || Limits.exceeds(value, MAX_VALUE)) {
            return new Refused(Why.MALFORMED);
        }
        Optional<RefreshToken> presented = store.findByHash(RefreshToken.hash(value));
        if (presented.isEmpty()) {
            return new Refused(Why.UNKNOWN);
        }
        return exchange(presented.get(), command, true);
    }

    private RefreshSessionResult exchange(RefreshToken presented, RefreshSessionCommand command, boolean mayRetry) {
        Optional<TokenFamily> found = store.family(presented.familyId());
        if (found.isEmpty()) {
            return new Refused(Why.UNKNOWN);
        }
        TokenFamily family = found.get();
        if (family.isRevoked()) {
            return new Refused(Why.REVOKED);
        }
        Instant now = clock.instant();
        if (presented.isSpent()) {
            Optional<RefreshToken> current = graceRetry(presented, now);
            if (current.isEmpty()) {
                return reuse(presented, family, command, now);
            }
            return rotate(current.get(), Optional.of(presented), family, command, now, mayRetry);
        }
        return rotate(presented, Optional.empty(), family, command, now, mayRetry);
    }

    /** The current token, when {@code spent} is the immediately previous one, inside the window, not yet retried. */
    private Optional<RefreshToken> graceRetry(RefreshToken spent, Instant now) {
        if (settings.reuseGrace().isZero() || spent.graceUsedAt() != null
                || !now.isBefore(spent.spentAt().plus(settings.reuseGrace()))) {
            return Optional.empty();
        }
        return store.successor(spent.id()).filter(s -> !s.isSpent());
    }

    private RefreshSessionResult rotate(RefreshToken spend, Optional<RefreshToken> graceOf, TokenFamily family,
                                        RefreshSessionCommand command, Instant now, boolean mayRetry) {
        if (!now.isBefore(settings.usableUntil(spend.issuedAt(), family.startedAt()))) {
            return new Refused(Why.EXPIRED);
        }
        // a revoke-all of the subject or of everyone (also a disabled user, a password change) ends the family
        if (index.check(null, family.subject(), spend.issuedAt()).isRevoked()) {
            return new Refused(Why.REVOKED);
        }
        Optional<Boolean> admin = adminRight(family.subject());
        if (admin.isEmpty()) {
            return new Refused(Why.USER_INACTIVE);
        }
        IssueTokenResult issued = issuer.issue(new IssueTokenCommand(family.subject(), TokenSource.REFRESH,
                TokenUse.SESSION, Expiry.byDefault(), Optional.empty(),
                admin.get() ? Map.of(Caller.ADMIN_CLAIM, true) : Map.of(), Optional.empty(), Optional.empty(),
                Optional.of(family.id())));
        if (!(issued instanceof IssueTokenResult.Issued ok)) {
            return new Refused(Why.NOT_ISSUED);
        }
        IssuedToken access = ok.token();
        RefreshTokenMinter.Next next = minter.next(family, spend.id(), access);
        if (store.rotate(spend.id(), graceOf.map(RefreshToken::id), now, next.row())) {
            return new RefreshSessionResult.Refreshed(new IssuedSession(access, Optional.of(next.handout())));
        }
        // another exchange of the same token won, or the family was revoked meanwhile
        discard(access, now);
        RefreshToken presented = graceOf.orElse(spend);
        Optional<RefreshToken> reread = store.find(presented.id());
        if (mayRetry && reread.isPresent()) {
            return exchange(reread.get(), command, false);
        }
        return reread.isPresent() ? reuse(reread.get(), family, command, now) : new Refused(Why.UNKNOWN);
    }

    /** The subject's admin right if it may still have a session: an active user, or the bootstrap admin. */
    private Optional<Boolean> adminRight(String subject) {
        Optional<User> user = users.find(subject);
        if (user.isPresent()) {
            return user.get().active() ? Optional.of(user.get().admin()) : Optional.empty();
        }
        return bootstrap.is(subject) ? Optional.of(true) : Optional.empty();
    }

    private RefreshSessionResult reuse(RefreshToken spent, TokenFamily family, RefreshSessionCommand command,
                                       Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("family_id", family.id());
        fields.put("subject", family.subject());
        fields.put("refresh_token_id", spent.id());
        fields.put("spent_at", String.valueOf(spent.spentAt()));
        fields.put("client", command.clientAddress());
        events.emit(SecurityEvent.warn(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED,
                "a spent refresh token was presented again; its family is revoked", fields));
        families.revoke(family, "tokenlife", "refresh token reuse detected", now);
        return new Refused(Why.REUSED);
    }

    /** The access token of a rotation that lost was never handed out; revoke it so nothing dangles. */
    private void discard(IssuedToken access, Instant now) {
        try {
            revocations.revoke(new Revocation(access.jti(), access.record().subject(), now, "tokenlife",
                    "refresh not completed", access.claims().expiresAt()));
        } catch (StoreUnavailableException e) {
            // it was never handed out: nobody can present it
        }
    }
}
