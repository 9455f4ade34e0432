package io.tokenlife.domain.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a token to be issued should expire, as the caller asked. */
public sealed interface Expiry {
    /** The policy's default: {@code TOKEN_EXPIRY} for sessions; API tokens must say. */
    record Default() implements Expiry {
    }

    record After(Duration lifetime) implements Expiry {
        public After {
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    record At(Instant instant) implements Expiry {
        public At {
            Objects.requireNonNull(instant, "instant");
        }
    }

    /** No {@code exp}: refused while {@code REQUIRE_TOKEN_EXPIRATION} is on. */
    record Never() implements Expiry {
    }

    static Expiry byDefault() {
        return new Default();
    }

    static Expiry after(Duration lifetime) {
        return new After(lifetime);
    }

    static Expiry at(Instant instant) {
        return new At(instant);
    }
}
