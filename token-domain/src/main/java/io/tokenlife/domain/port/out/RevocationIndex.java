package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.RevocationState;

import java.time.Instant;

/**
 * The live revocations, held in this process's memory and kept current, so that validation never
 * waits on a database. Must be thread-safe and allocation-free on the lookup path.
 */
public interface RevocationIndex {
    /**
     * @param jti the token's jti, may be null
     * @param subject the token's subject, may be null
     * @param issuedAt the token's {@code iat}, may be null (then any cut-off revokes it)
     */
    RevocationState check(String jti, String subject, Instant issuedAt);

    /** True while the index is known to be current with the durable store (for {@code /ready}). */
    default boolean inSync() {
        return true;
    }
}
