package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.VerifiedToken;

import java.util.Objects;

/** What a {@link TokenVerifier} found: a verified token, or the code of the check that failed. */
public sealed interface Verification {
    record Verified(VerifiedToken token) implements Verification {
        public Verified {
            Objects.requireNonNull(token, "token");
        }
    }

    record Refused(ValidationCode code, String detail) implements Verification {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
