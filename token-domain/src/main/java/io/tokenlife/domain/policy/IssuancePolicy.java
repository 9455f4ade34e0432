package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.settings.IssuanceSettings;
import io.tokenlife.domain.settings.PlatformIdentity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the claims of a token to issue (docs/explanation/token-lifecycle.md#issuance): the platform owns
 * {@code iss}, {@code aud}, {@code iat}, {@code jti} and {@code env}; the lifetime comes from the settings or
 * the caller within limits.
 */
public final class IssuancePolicy {
    /** Claims an admin may not set through extra claims: they have fields or belong to the platform. */
    public static final List<String> RESERVED_CLAIMS = TokenClaims.REGISTERED;
    /** RFC 6749 §3.3 scope-token characters. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    private static final Pattern JTI = Pattern.compile("[\\x21-\\x7E]{1," + Limits.MAX_REQUESTED_JTI + "}");

    private final PlatformIdentity identity;
    private final IssuanceSettings issuance;

    public IssuancePolicy(PlatformIdentity identity, IssuanceSettings issuance) {
        this.identity = identity;
        this.issuance = issuance;
    }

    /** The claims to sign, or the field at fault and why. {@code now} is truncated to seconds. */
    public Decision decide(IssueTokenCommand command, Instant now, String jti) {
        String subject = Subjects.normalize(command.subject());
        if (subject.isEmpty() || subject.length() > Limits.MAX_SUBJECT || subject.chars().anyMatch(Character::isWhitespace)) {
            return refuse(Field.SUBJECT, "the subject must be an e-mail address without spaces, at most "
                    + Limits.MAX_SUBJECT + " characters");
        }
        if (!JTI.matcher(jti).matches()) {
            return refuse(Field.JTI, "a jti is 1 to " + Limits.MAX_REQUESTED_JTI
                    + " printable ASCII characters without spaces");
        }
        Optional<String> scope = command.scope().map(String::trim).filter(s -> !s.isEmpty());
        if (scope.isPresent() && scope.get().length() > Limits.MAX_SCOPE) {
            return refuse(Field.SCOPE, "the scope may be at most " + Limits.MAX_SCOPE + " characters long");
        }
        if (scope.isPresent() && !SCOPE.matcher(scope.get()).matches()) {
            return refuse(Field.SCOPE, "the scope is space-separated words of printable ASCII without quotes or backslashes");
        }
        if (command.name().isPresent() && command.name().get().length() > Limits.MAX_TOKEN_NAME) {
            return refuse(Field.NAME, "the name may be at most " + Limits.MAX_TOKEN_NAME + " characters long");
        }
        for (String name : command.extraClaims().keySet()) {
            if (RESERVED_CLAIMS.contains(name) || name.isBlank()) {
                return refuse(Field.CLAIM, "the claim '" + name + "' is set by the platform and cannot be given");
            }
        }
        // iat as given to the millisecond (whole seconds but right after a cut-off); exp in whole seconds
        Instant issuedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ExpiryOutcome expiry = expiry(command, issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
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
        // an instant or a lifetime: the edges name the field the caller used
        Field field = expiry instanceof Expiry.At ? Field.EXPIRES_AT : Field.LIFETIME;
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

    private static Refused refuse(Field field, String detail) {
        return new Refused(new Invalid(field, detail));
    }

    /** The outcome of {@link #decide}: claims to sign, or a refusal. */
    public sealed interface Decision permits Claims, Refused {
    }

    public record Claims(TokenClaims claims) implements Decision {
    }

    public record Refused(Invalid refusal) implements Decision {
    }

    /** Internal step of the decision: the expiry ({@code instant} null for none), or why it is refused. */
    private record ExpiryOutcome(Instant instant, Refused refused) {
        static ExpiryOutcome at(Instant instant) {
            return new ExpiryOutcome(instant, null);
        }

        static ExpiryOutcome refuse(Field field, String detail) {
            return new ExpiryOutcome(null, IssuancePolicy.refuse(field, detail));
        }
    }
}
