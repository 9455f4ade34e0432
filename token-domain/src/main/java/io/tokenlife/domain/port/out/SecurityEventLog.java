package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;

/**
 * The recent security events, kept for operators (the console) in a bounded store shared by the replicas.
 * Its writing side is a {@link SecurityEvents} sink that never blocks the caller. When the shared store
 * cannot be read, an adapter answers from what its own process remembers and says so.
 */
public interface SecurityEventLog {
    SecurityEventPage recent(SecurityEventQuery query);

    /** A log that keeps nothing: every page is empty. */
    static SecurityEventLog none() {
        return query -> new SecurityEventPage(java.util.List.of(), java.util.Optional.empty(), false);
    }
}
