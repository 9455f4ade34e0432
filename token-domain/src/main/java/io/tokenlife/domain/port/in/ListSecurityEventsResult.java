package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.SecurityEventPage;

import java.util.Objects;

/** A page of recent security events, or why there is none (an unknown event type). */
public sealed interface ListSecurityEventsResult permits ListSecurityEventsResult.Listed, Invalid {
    record Listed(SecurityEventPage page) implements ListSecurityEventsResult {
        public Listed {
            Objects.requireNonNull(page, "page");
        }
    }
}
