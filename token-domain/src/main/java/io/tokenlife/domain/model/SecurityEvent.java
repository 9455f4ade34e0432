package io.tokenlife.domain.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A structured security event. Fields are safe to log: never a token, a password or a secret.
 */
public record SecurityEvent(SecurityEventType type, Level level, String message, Map<String, String> fields) {
    public enum Level { INFO, WARN }

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static SecurityEvent info(SecurityEventType type, String message, Map<String, String> fields) {
        return new SecurityEvent(type, Level.INFO, message, fields);
    }

    public static SecurityEvent warn(SecurityEventType type, String message, Map<String, String> fields) {
        return new SecurityEvent(type, Level.WARN, message, fields);
    }
}
