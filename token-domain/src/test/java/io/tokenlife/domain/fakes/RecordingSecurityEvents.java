package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.out.SecurityEvents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingSecurityEvents implements SecurityEvents {
    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(SecurityEvent event) {
        events.add(event);
    }

    public List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    public List<SecurityEvent> of(SecurityEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    public void clear() {
        events.clear();
    }
}
