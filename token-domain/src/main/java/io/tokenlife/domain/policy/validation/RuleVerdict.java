package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationWarning;

import java.util.Objects;
import java.util.Optional;

/**
 * What one validation rule says about a token. A rejection, a warning and the platform-admin verdict
 * carry the security event they imply, declared by the rule that gives them.
 */
public sealed interface RuleVerdict {
    /** The one allow verdict: allocation-free. */
    RuleVerdict ALLOW = new Allow();

    /** The event this verdict implies, if any. */
    Optional<ImpliedEvent> event();

    /** The token passes this rule. */
    record Allow() implements RuleVerdict {
        @Override
        public Optional<ImpliedEvent> event() {
            return Optional.empty();
        }
    }

    /** The token passes, but the caller is told (and the event logged): e.g. accepted without a jti. */
    record AllowWithWarning(ValidationWarning warning, ImpliedEvent implied) implements RuleVerdict {
        public AllowWithWarning {
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(implied, "implied");
        }

        @Override
        public Optional<ImpliedEvent> event() {
            return Optional.of(implied);
        }
    }

    /** The token is refused with a stable code and a sentence; the first rejection decides. */
    record Reject(ValidationCode code, String detail, Optional<ImpliedEvent> event) implements RuleVerdict {
        public Reject {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(event, "event");
        }
    }

    /** The subject is the platform admin, authenticated through the configuration bootstrap. */
    record PlatformAdmin(ImpliedEvent implied) implements RuleVerdict {
        public PlatformAdmin {
            Objects.requireNonNull(implied, "implied");
        }

        @Override
        public Optional<ImpliedEvent> event() {
            return Optional.of(implied);
        }
    }

    static RuleVerdict reject(ValidationCode code, String detail) {
        return new Reject(code, detail, Optional.empty());
    }

    static RuleVerdict reject(ValidationCode code, String detail, ImpliedEvent event) {
        return new Reject(code, detail, Optional.of(event));
    }
}
