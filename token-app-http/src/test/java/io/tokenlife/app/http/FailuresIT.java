package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.LogCapture;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/** Faults of infrastructure: a store that is down is a 503, anything unexpected a 500 without a stack trace. */
class FailuresIT {
    static final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.withRevocations(store -> new RevocationStore() {
            @Override
            public boolean revoke(Revocation revocation) {
                throw failure.get();
            }

            @Override
            public void revokeAll(RevocationCutoff cutoff) {
                throw failure.get();
            }

            @Override
            public int purgeExpiredRevocations(Instant before) {
                return 0;
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void revokingWhileTheStoreIsDownIs503ServiceUnavailableAndValidationKeepsWorking() {
        failure.set(new StoreUnavailableException("connection refused", null));
        String token = server.session(ALICE);
        String jti = server.client.postJson("/tokens", token, "{\"name\":\"x\",\"expires_in_days\":1}").json()
                .get("jti").asText();
        Reply reply = server.client.delete("/tokens/" + jti, token);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("service_unavailable");
        assertThat(server.client.get("/tokens", token).status()).isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutStackTrace() {
        failure.set(new IllegalStateException("boom at io.tokenlife.Internal.method(Internal.java:42)"));
        Reply reply = server.client.postJson("/subjects/x@example.com/revoke-all", server.adminSession(), "");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("internal_error");
        assertThat(reply.body()).doesNotContain("boom").doesNotContain("Internal.java").doesNotContain("at io.");
    }

    /** Bad input comes back from the use cases as an Invalid result; an exception from below a handler is a bug. */
    @Test
    void anIllegalArgumentFromBelowAHandlerIsALogged500NotABadRequest() {
        failure.set(new IllegalArgumentException("value too long for column at io.tokenlife.Internal"));
        try (LogCapture capture = new LogCapture()) {
            Reply reply = server.client.postJson("/subjects/x@example.com/revoke-all", server.adminSession(), "");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.code()).isEqualTo("internal_error");
            assertThat(reply.body()).doesNotContain("too long").doesNotContain("io.tokenlife.Internal");
            assertThat(capture.all()).contains("unexpected failure on POST /subjects/x@example.com/revoke-all");
        }
    }
}
