package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.TokenCounts;

/** How many tokens are live, by source and use, and how many were revoked lately (for operators). */
public interface CountTokensUseCase {
    /** Live tokens now, and the revocations of the last {@link #RECENT_REVOCATIONS} window. */
    TokenCounts counts();

    /** How many live tokens of {@code subject} the registry knows: what a revoke-all of the subject ends. */
    long liveTokensOf(String subject);

    java.time.Duration RECENT_REVOCATIONS = java.time.Duration.ofHours(24);
}
