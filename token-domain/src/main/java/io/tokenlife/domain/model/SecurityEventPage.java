package io.tokenlife.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A page of recent security events. {@code before} is the cursor of the next (older) page.
 * {@code thisProcessOnly}: the shared store could not be read, so these are the events this process
 * remembers in memory.
 */
public record SecurityEventPage(List<RecordedSecurityEvent> items, Optional<Long> before, boolean thisProcessOnly) {
    public SecurityEventPage {
        items = List.copyOf(items);
    }
}
