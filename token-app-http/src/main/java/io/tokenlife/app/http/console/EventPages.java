package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ListSecurityEventsResult;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /admin/events?type=&subject=&before=}: the recent security events of every replica. */
final class EventPages {
    static final int PAGE_SIZE = 50;
    private static final List<String> TYPES = Arrays.stream(SecurityEventType.values())
            .map(SecurityEventType::wireName).toList();

    private final ListSecurityEventsUseCase events;

    EventPages(ListSecurityEventsUseCase events) {
        this.events = events;
    }

    void list(ConsoleRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        request.param("type").ifPresent(v -> typed.put("type", v));
        request.param("subject").ifPresent(v -> typed.put("subject", v));
        Views.Form filters = Views.Form.of(typed);
        Optional<Long> before = request.param("before").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong);
        ListSecurityEventsResult result = events.list(new SecurityEventQuery(Optional.ofNullable(typed.get("type")),
                Optional.ofNullable(typed.get("subject")), before, PAGE_SIZE));
        if (result instanceof Invalid invalid) {
            request.render(400, "events", request.layout("Security events", "events", null),
                    new Views.EventsPage(FieldErrors.attach(filters, invalid, Set.of("type", "subject"), "subject"),
                            TYPES, List.of(), null, false, null));
            return;
        }
        SecurityEventPage page = ((ListSecurityEventsResult.Listed) result).page();
        String older = page.before().map(b -> "/admin/events?" + Views.query(typed) + "before=" + b).orElse(null);
        Views.Layout layout = page.thisProcessOnly()
                ? request.pages().layout("Security events", "events", request.session(), null, true)
                : request.layout("Security events", "events", null);
        request.render(200, "events", layout,
                new Views.EventsPage(filters, TYPES, page.items(), older, page.thisProcessOnly(), null));
    }
}
