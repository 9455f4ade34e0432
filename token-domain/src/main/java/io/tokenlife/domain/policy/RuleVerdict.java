package io.tokenlife.domain.policy;

import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.model.ValidationWarning;

/** What one validation rule says: allow, allow with a warning, or reject with a code and a sentence. */
public record RuleVerdict(ValidationCode rejection, String detail, ValidationWarning warning, boolean platformAdmin) {
    public static final RuleVerdict ALLOW = new RuleVerdict(null, null, null, false);
    static final RuleVerdict PLATFORM_ADMIN = new RuleVerdict(null, null, null, true);

    public static RuleVerdict reject(ValidationCode code, String detail) {
        return new RuleVerdict(code, detail, null, false);
    }

    public static RuleVerdict warn(ValidationWarning warning) {
        return new RuleVerdict(null, null, warning, false);
    }

    public boolean rejects() {
        return rejection != null;
    }
}
