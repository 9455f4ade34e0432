package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SecurityEvent;

import java.util.List;

/** Where security events go: a structured log with the field {@code security_event}. */
public interface SecurityEvents {
    void emit(SecurityEvent event);

    /** Every event to each sink, in order (e.g. the log and the operators' event log). */
    static SecurityEvents fanOut(SecurityEvents... sinks) {
        List<SecurityEvents> all = List.of(sinks);
        return event -> all.forEach(sink -> sink.emit(event));
    }
}
