package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.settings.IssuanceSettings;
import io.tokenlife.domain.settings.PlatformIdentity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the claims of a token to issue (SPEC.md §3): the platform owns {@code iss}, {@code aud},
 * {@code iat}, {@code jti} and {@code env}; the lifetime comes from the settings or the caller within limits.
 */
public final class IssuancePolicy {
    /** Claims an admin may not set through extra claims: they have fields or belong to the platform. */
    public static final List<String> RESERVED_CLAIMS = TokenClaims.REGISTERED;
    /** RFC 6749 §3.3 scope-token characters. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    private static final Pattern JTI = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_SUBJECT_LENGTH = 320;

    private final PlatformIdentity identity;
    private final IssuanceSettings issuance;

    public IssuancePolicy(PlatformIdentity identity, IssuanceSettings issuance) {
        this.identity = identity;
        this.issuance = issuance;
    }

    /** The claims to sign, or a refusal naming the field at fault. {@code now} is truncated to seconds. */
    public Decision decide(IssueTokenCommand command, Instant now, String jti) {
        String subject = Subjects.normalize(command.subject());
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH || subject.chars().anyMatch(Character::isWhitespace)) {
            return refuse("subject", "the subject must be an e-mail address without spaces, at most "
                    + MAX_SUBJECT_LENGTH + " characters");
        }
        if (!JTI.matcher(jti).matches()) {
            return refuse("jti", "a jti is 1 to 128 printable ASCII characters without spaces");
        }
        Optional<String> scope = command.scope().map(String::trim).filter(s -> !s.isEmpty());
        if (scope.isPresent() && !SCOPE.matcher(scope.get()).matches()) {
            return refuse("scope", "the scope is space-separated words of printable ASCII without quotes or backslashes");
        }
        for (String name : command.extraClaims().keySet()) {
            if (RESERVED_CLAIMS.contains(name) || name.isBlank()) {
                return refuse("claim", "the claim '" + name + "' is set by the platform and cannot be given");
            }
        }
        Instant issuedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ExpiryOutcome expiry = expiry(command, issuedAt);
        if (expiry.refused() != null) {
            return expiry.refused();
        }
        TokenClaims claims = new TokenClaims(
                identity.issuer(),
                List.of(identity.audience()),
                subject,
                issuedAt,
                null,
                expiry.instant(),
                jti,
                command.tokenUse(),
                scope.orElse(null),
                issuance.embedEnvironment() ? identity.environment().wireName() : null,
                command.extraClaims());
        return new Claims(claims);
    }

    private ExpiryOutcome expiry(IssueTokenCommand command, Instant now) {
        Duration max = issuance.apiTokenMaxLifetime();
        Expiry expiry = command.expiry();
        // name the request field the caller used: an instant (expires_at) or a lifetime
        String field = expiry instanceof Expiry.At ? "expires_at"
                : command.tokenUse() == TokenUse.API ? "expires_in_days" : "expires_in";
        if (expiry instanceof Expiry.Default) {
            if (command.tokenUse() == TokenUse.SESSION) {
                return ExpiryOutcome.at(now.plus(issuance.sessionLifetime()));
            }
            return issuance.requireExpiration()
                    ? ExpiryOutcome.refuse(field, "API tokens must have an expiry (at most " + max.toDays()
                    + " days, API_TOKEN_MAX_EXPIRY_DAYS) while REQUIRE_TOKEN_EXPIRATION is on")
                    : ExpiryOutcome.at(null);
        }
        if (expiry instanceof Expiry.Never) {
            return issuance.requireExpiration()
                    ? ExpiryOutcome.refuse(field, "a token without expiry is refused while REQUIRE_TOKEN_EXPIRATION is on")
                    : ExpiryOutcome.at(null);
        }
        Instant at = expiry instanceof Expiry.After after
                ? now.plus(after.lifetime())
                : ((Expiry.At) expiry).instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!at.isAfter(now)) {
            return ExpiryOutcome.refuse(field, "the expiry must be in the future");
        }
        if (at.isAfter(now.plus(max))) {
            return ExpiryOutcome.refuse(field, "the expiry may be at most " + max.toDays() + " days away (API_TOKEN_MAX_EXPIRY_DAYS)");
        }
        return ExpiryOutcome.at(at);
    }

    private static Refused refuse(String field, String detail) {
        return new Refused(new IssueTokenResult.Refused(field, detail));
    }

    /** The outcome of {@link #decide}: claims to sign, or a refusal. */
    public sealed interface Decision permits Claims, Refused {
    }

    public record Claims(TokenClaims claims) implements Decision {
    }

    public record Refused(IssueTokenResult.Refused refusal) implements Decision {
    }

    /** Internal step of the decision: the expiry ({@code instant} null for none), or why it is refused. */
    private record ExpiryOutcome(Instant instant, Refused refused) {
        static ExpiryOutcome at(Instant instant) {
            return new ExpiryOutcome(instant, null);
        }

        static ExpiryOutcome refuse(String field, String detail) {
            return new ExpiryOutcome(null, IssuancePolicy.refuse(field, detail));
        }
    }
}
