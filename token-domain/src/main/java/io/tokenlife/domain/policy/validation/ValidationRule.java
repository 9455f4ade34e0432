package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenClaims;

import java.time.Instant;

/**
 * One named check of the claims stage of the validation policy (steps 4–9 of
 * docs/explanation/token-lifecycle.md#validation). A rule is a class with its own test; the events its
 * verdicts imply are declared in it. Runs on every validation: must be thread-safe and should not allocate
 * when it allows.
 */
public interface ValidationRule {
    RuleVerdict check(TokenClaims claims, Instant now);
}
