package io.tokenlife.domain.contract;

import io.tokenlife.domain.model.RecordedSecurityEvent;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.model.SecurityEventQuery;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.port.out.SecurityEventLog;
import io.tokenlife.domain.port.out.SecurityEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the operators' security event log, run against every adapter: what is emitted is read
 * back newest first, filtered, paged and bounded. A subclass gives a fresh, empty log of a given capacity.
 */
public abstract class SecurityEventLogContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** The writing and the reading side of one log. */
    public record Log(SecurityEvents sink, SecurityEventLog reader) {
    }

    /** A fresh log keeping at least the newest {@code capacity} events, on a clock fixed at {@link #T0}. */
    protected abstract Log freshLog(int capacity);

    @Test
    void whatIsEmittedIsReadBackNewestFirstWithItsFieldsAndSubject() {
        Log log = freshLog(100);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jti", "j-1");
        fields.put("subject", "Alice@Example.com");
        fields.put("reason", "left & gone = 100% \"quoted\" é");
        fields.put("none", null);
        log.sink().emit(SecurityEvent.info(SecurityEventType.TOKEN_REVOKED, "token revoked", fields));
        log.sink().emit(SecurityEvent.warn(SecurityEventType.LOGIN_FAILED, "login failed",
                Map.of("email", "bob@example.com")));

        SecurityEventPage page = log.reader().recent(SecurityEventQuery.latest());

        assertThat(page.thisProcessOnly()).isFalse();
        assertThat(page.items()).extracting(RecordedSecurityEvent::type).containsExactly("login_failed", "token_revoked");
        RecordedSecurityEvent revoked = page.items().get(1);
        assertThat(revoked.subject()).isEqualTo("alice@example.com");
        assertThat(revoked.level()).isEqualTo(SecurityEvent.Level.INFO);
        assertThat(revoked.at()).isEqualTo(T0);
        assertThat(revoked.message()).isEqualTo("token revoked");
        assertThat(revoked.fields()).containsExactly(Map.entry("jti", "j-1"), Map.entry("subject", "Alice@Example.com"),
                Map.entry("reason", "left & gone = 100% \"quoted\" é"));
        assertThat(page.items().get(0).level()).isEqualTo(SecurityEvent.Level.WARN);
    }

    @Test
    void filtersByTypeAndSubjectAndPagesWithoutGapsOrRepeats() {
        Log log = freshLog(100);
        for (int i = 0; i < 9; i++) {
            SecurityEventType type = i % 3 == 0 ? SecurityEventType.LOGIN_FAILED : SecurityEventType.TOKEN_ISSUED;
            log.sink().emit(SecurityEvent.info(type, "e" + i, Map.of("subject", i % 2 == 0 ? "a@x.io" : "b@x.io")));
        }
        assertThat(messages(log, new SecurityEventQuery(Optional.of("login_failed"), Optional.empty(),
                Optional.empty(), 10))).containsExactly("e6", "e3", "e0");
        assertThat(messages(log, new SecurityEventQuery(Optional.empty(), Optional.of("B@X.IO"),
                Optional.empty(), 10))).containsExactly("e7", "e5", "e3", "e1");
        assertThat(messages(log, new SecurityEventQuery(Optional.of("login_failed"), Optional.of("a@x.io"),
                Optional.empty(), 10))).containsExactly("e6", "e0");

        SecurityEventPage first = log.reader().recent(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 4));
        SecurityEventPage second = log.reader().recent(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                first.before(), 4));
        SecurityEventPage third = log.reader().recent(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                second.before(), 4));
        assertThat(first.items()).extracting(RecordedSecurityEvent::message).containsExactly("e8", "e7", "e6", "e5");
        assertThat(second.items()).extracting(RecordedSecurityEvent::message).containsExactly("e4", "e3", "e2", "e1");
        assertThat(third.items()).extracting(RecordedSecurityEvent::message).containsExactly("e0");
        assertThat(third.before()).isEmpty();
    }

    @Test
    void theLogKeepsOnlyTheNewestEventsBeyondItsCapacity() {
        Log log = freshLog(5);
        for (int i = 0; i < 12; i++) {
            log.sink().emit(SecurityEvent.info(SecurityEventType.TOKEN_ISSUED, "e" + i, Map.of()));
            log.reader().recent(SecurityEventQuery.latest()); // a reader in between, as the console would be
        }
        SecurityEventPage page = log.reader().recent(new SecurityEventQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 100));
        assertThat(page.items()).hasSize(5);
        assertThat(page.items().get(0).message()).isEqualTo("e11");
    }

    private static java.util.List<String> messages(Log log, SecurityEventQuery query) {
        return log.reader().recent(query).items().stream().map(RecordedSecurityEvent::message).toList();
    }
}
