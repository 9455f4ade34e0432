package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.IssuedSession;

import java.util.Objects;

/**
 * A new pair, or a refusal. The refusal's {@code why} is for logs and tests only: a client is told the same
 * for an unknown, malformed, expired, spent or revoked token ({@code invalid_grant}).
 */
public sealed interface RefreshSessionResult {
    record Refreshed(IssuedSession session) implements RefreshSessionResult {
        public Refreshed {
            Objects.requireNonNull(session, "session");
        }
    }

    record Refused(Why why) implements RefreshSessionResult {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }

    /** What was wrong, never shown to the client. */
    enum Why {
        MALFORMED, UNKNOWN, EXPIRED, REVOKED, REUSED, USER_INACTIVE, NOT_ISSUED
    }
}
