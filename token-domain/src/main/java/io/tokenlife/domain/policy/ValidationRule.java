package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.TokenClaims;

import java.time.Instant;

/** One named check of the validation policy (steps 4–9 of SPEC.md §3). */
@FunctionalInterface
public interface ValidationRule {
    RuleVerdict check(TokenClaims claims, Instant now);
}
