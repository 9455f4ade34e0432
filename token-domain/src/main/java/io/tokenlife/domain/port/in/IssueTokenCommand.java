package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to issue a token. {@code requestedJti} is kept when given; {@code name} labels API tokens;
 * {@code extraClaims} are an admin's additions and may not touch platform-owned claims; {@code familyId}
 * is recorded with a session token of a refresh-token family.
 */
public record IssueTokenCommand(String subject, TokenSource source, TokenUse tokenUse, Expiry expiry,
                                Optional<String> scope, Map<String, Object> extraClaims,
                                Optional<String> requestedJti, Optional<String> name, Optional<String> familyId) {
    public IssueTokenCommand {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tokenUse, "tokenUse");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(requestedJti, "requestedJti");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(familyId, "familyId");
        extraClaims = extraClaims == null ? Map.of() : Map.copyOf(extraClaims);
    }

    /** Outside any refresh-token family. */
    public IssueTokenCommand(String subject, TokenSource source, TokenUse tokenUse, Expiry expiry,
                             Optional<String> scope, Map<String, Object> extraClaims, Optional<String> requestedJti,
                             Optional<String> name) {
        this(subject, source, tokenUse, expiry, scope, extraClaims, requestedJti, name, Optional.empty());
    }

    /** A session token with the default lifetime, the common case of login paths. */
    public static IssueTokenCommand session(String subject, TokenSource source) {
        return new IssueTokenCommand(subject, source, TokenUse.SESSION, Expiry.byDefault(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty());
    }
}
