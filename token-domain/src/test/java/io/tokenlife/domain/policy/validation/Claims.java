package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenUse;

import java.time.Instant;

/** A valid token's claims at {@link #NOW}, for the rules' tests to vary. */
final class Claims {
    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private Claims() {
    }

    static TokenClaims.Builder good() {
        return TokenClaims.builder().issuer("mcpgateway").audience("mcpgateway-api").subject("alice@example.com")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(600)).jti("j1").tokenUse(TokenUse.SESSION);
    }

    static io.tokenlife.domain.model.ValidationCode code(RuleVerdict verdict) {
        return ((RuleVerdict.Reject) verdict).code();
    }
}
