package io.tokenlife.domain.model;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the opaque cursor of the next one, empty on the last page. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }
}
