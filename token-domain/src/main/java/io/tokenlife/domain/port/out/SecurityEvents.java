package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.SecurityEvent;

/** Where security events go: a structured log with the field {@code security_event}. */
public interface SecurityEvents {
    void emit(SecurityEvent event);
}
