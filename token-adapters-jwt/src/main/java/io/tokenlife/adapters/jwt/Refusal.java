package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.model.ValidationCode;

/**
 * A token failed one of steps 1–3. Thrown inside the verifier only, and without a stack trace: refusing
 * garbage must stay cheap. The detail is a sentence and never contains the token.
 */
final class Refusal extends Exception {
    private final ValidationCode code;

    Refusal(ValidationCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    static Refusal malformed(String detail) {
        return new Refusal(ValidationCode.TOKEN_MALFORMED, detail);
    }

    ValidationCode code() {
        return code;
    }
}
