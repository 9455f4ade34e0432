package io.tokenlife.domain.service;

import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListSecurityEventsResult;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.out.SecurityEventLog;

import java.util.Arrays;

/** Reads the security event log; a type filter must be one of the {@code SecurityEventType}s. */
public final class ListSecurityEventsService implements ListSecurityEventsUseCase {
    private final SecurityEventLog log;

    public ListSecurityEventsService(SecurityEventLog log) {
        this.log = log;
    }

    @Override
    public ListSecurityEventsResult list(SecurityEventQuery query) {
        if (query.type().isPresent()
                && Arrays.stream(SecurityEventType.values()).noneMatch(t -> t.wireName().equals(query.type().get()))) {
            return new Invalid(Field.EVENT_TYPE, "'" + query.type().get() + "' is no security event type");
        }
        return new ListSecurityEventsResult.Listed(log.recent(query));
    }
}
