package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.RecordedSecurityEvent;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The security event log in memory, bounded to {@code capacity} events: the reference behaviour of the port. */
public final class InMemorySecurityEventLog implements SecurityEvents, SecurityEventLog {
    private final Deque<RecordedSecurityEvent> events = new ArrayDeque<>();
    private final int capacity;
    private final Clock clock;
    private long lastId;

    public InMemorySecurityEventLog(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized void emit(SecurityEvent event) {
        events.addFirst(new RecordedSecurityEvent(++lastId, clock.instant(), event.type().wireName(), event.level(),
                RecordedSecurityEvent.subjectOf(event), event.message(), event.fields()));
        while (events.size() > capacity) {
            events.removeLast();
        }
    }

    @Override
    public synchronized SecurityEventPage recent(SecurityEventQuery query) {
        List<RecordedSecurityEvent> matching = events.stream().filter(query::matches).limit(query.limit() + 1L).toList();
        if (matching.size() <= query.limit()) {
            return new SecurityEventPage(matching, Optional.empty(), false);
        }
        List<RecordedSecurityEvent> page = matching.subList(0, query.limit());
        return new SecurityEventPage(page, Optional.of(page.get(page.size() - 1).id()), false);
    }
}
