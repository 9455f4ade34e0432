package io.tokenlife.app.http;

import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.app.http.support.SecretFlow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Security events are logged with security_event; no issued token ever appears in a log line. */
class LogSecrecyIT {
    @Test
    void aFullRunLogsSecurityEventsButNeverAToken() {
        List<String> tokens;
        String logs;
        try (LogCapture capture = new LogCapture(); FixtureServer server = FixtureServer.start()) {
            tokens = SecretFlow.run(server.client, server.session(FixtureServer.ALICE), server.adminSession());
            logs = capture.all();
        }
        assertThat(logs).contains("security_event=token_issued", "security_event=token_revoked",
                "security_event=token_revoked_presented", "\"security_event\":\"token_issued\"");
        for (String token : tokens) {
            assertThat(logs).doesNotContain(token);
        }
    }
}
