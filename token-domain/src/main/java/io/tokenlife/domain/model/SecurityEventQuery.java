package io.tokenlife.domain.model;

import java.util.Optional;

/**
 * Recent security events, newest first: optionally of one type (wire name) and about one subject, older
 * than the event id {@code before} (keyset paging); {@code limit} is 1 to 500.
 */
public record SecurityEventQuery(Optional<String> type, Optional<String> subject, Optional<Long> before, int limit) {
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public SecurityEventQuery {
        type = type.map(String::strip).filter(t -> !t.isEmpty());
        subject = subject.map(Subjects::normalize).filter(s -> !s.isEmpty());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static SecurityEventQuery latest() {
        return new SecurityEventQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public boolean matches(RecordedSecurityEvent event) {
        return type.map(event.type()::equals).orElse(true)
                && subject.map(s -> s.equals(event.subject())).orElse(true)
                && before.map(b -> event.id() < b).orElse(true);
    }
}
