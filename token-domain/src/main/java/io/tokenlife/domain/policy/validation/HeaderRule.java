package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.TokenHeader;

import java.time.Instant;

/**
 * One named check of the header stage ({@code typ}, {@code kid}, ...), run before the claims stage on every
 * validation, cached signature or not. The JWT adapter has already pinned the algorithm and chosen the key
 * by {@code kid} (steps 1–3); a rule here judges what depends on time or state, such as a key retired since.
 * None is built in today: the seam is where the key lifecycle adds its rules.
 */
public interface HeaderRule {
    RuleVerdict check(TokenHeader header, Instant now);
}
