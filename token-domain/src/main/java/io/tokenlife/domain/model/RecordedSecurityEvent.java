package io.tokenlife.domain.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A security event as kept for operators: when it happened, its type's wire name (kept as text so an
 * event written by a newer replica still reads), and the subject it concerns, if any.
 */
public record RecordedSecurityEvent(long id, Instant at, String type, SecurityEvent.Level level, String subject,
                                    String message, Map<String, String> fields) {
    /** The event fields that name the user an event concerns, in the order they are looked for. */
    private static final String[] SUBJECT_FIELDS = {"subject", "email", "user_id"};

    public RecordedSecurityEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Map<String, String> present = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v); // an absent value is no field, as in the log line
            }
        });
        fields = Collections.unmodifiableMap(present);
    }

    /** The subject an event concerns, lower-cased, or null (e.g. a configuration warning). */
    public static String subjectOf(SecurityEvent event) {
        for (String field : SUBJECT_FIELDS) {
            String value = event.fields().get(field);
            if (value != null && !value.isBlank() && !value.equals("*")) {
                return Subjects.normalize(value);
            }
        }
        return null;
    }
}
