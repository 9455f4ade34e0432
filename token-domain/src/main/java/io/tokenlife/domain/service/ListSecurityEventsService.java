package io.tokenlife.domain.service;

import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.out.SecurityEventLog;

import java.util.Arrays;

/** Reads the security event log; a type filter must be one of SPEC.md §7's event types. */
public final class ListSecurityEventsService implements ListSecurityEventsUseCase {
    private final SecurityEventLog log;

    public ListSecurityEventsService(SecurityEventLog log) {
        this.log = log;
    }

    @Override
    public SecurityEventPage list(SecurityEventQuery query) {
        query.type().ifPresent(type -> {
            if (Arrays.stream(SecurityEventType.values()).noneMatch(t -> t.wireName().equals(type))) {
                throw new IllegalArgumentException("type: unknown security event type '" + type + "'");
            }
        });
        return log.recent(query);
    }
}
