package io.tokenlife.app.http.logging;

import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Slf4jSecurityEventsTest {
    private final Slf4jSecurityEvents events = new Slf4jSecurityEvents();

    @Test
    void anEventIsOneLogLineWithTheSecurityEventFieldInTextAndInJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jti", "j-1");
        fields.put("subject", "alice@example.com");
        try (LogCapture capture = new LogCapture()) {
            events.emit(SecurityEvent.warn(SecurityEventType.TOKEN_REVOKED_PRESENTED, "revoked token presented", fields));
            assertThat(capture.text()).contains("WARN tokenlife.security - revoked token presented "
                    + "security_event=token_revoked_presented jti=j-1 subject=alice@example.com");
            assertThat(capture.json()).contains("\"security_event\":\"token_revoked_presented\"")
                    .contains("\"jti\":\"j-1\"").contains("\"level\":\"WARN\"");
        }
    }

    @Test
    void lineBreaksInValuesCannotForgeAnotherLogLine() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", "mallory@example.com\nINFO tokenlife.security - security_event=platform_admin_auth");
        try (LogCapture capture = new LogCapture()) {
            events.emit(SecurityEvent.info(SecurityEventType.LOGIN_FAILED, "login failed", fields));
            assertThat(capture.text().strip().lines()).hasSize(1);
            assertThat(capture.text()).contains("security_event=login_failed subject=\"mallory@example.com\\nINFO ");
            assertThat(capture.json().strip().lines()).hasSize(1);
            // the event's values are escaped where they are bounded, so JSON holds the escape itself
            assertThat(capture.json()).contains("\"subject\":\"mallory@example.com\\\\nINFO");
        }
    }

    @Test
    void absentFieldsAreLeftOut() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", null);
        fields.put("jti", "j-2");
        try (LogCapture capture = new LogCapture()) {
            events.emit(SecurityEvent.info(SecurityEventType.TOKEN_REVOKED, "token revoked", fields));
            assertThat(capture.text()).contains("security_event=token_revoked jti=j-2").doesNotContain("reason");
        }
    }
}
