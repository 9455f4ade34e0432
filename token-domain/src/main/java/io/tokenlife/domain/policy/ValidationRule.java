package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.TokenClaims;

import java.time.Instant;

/** One named check of the validation policy (steps 4–9 of docs/explanation/token-lifecycle.md#validation). */
@FunctionalInterface
public interface ValidationRule {
    RuleVerdict check(TokenClaims claims, Instant now);
}
