package io.tokenlife.domain.model;

import java.util.List;
import java.util.Objects;

/** The verdict of the validation policy: valid, or rejected with the code of the first failed check. */
public sealed interface ValidationResult {

    boolean isValid();

    /**
     * @param platformAdmin the subject is the platform admin authenticated through the configuration bootstrap
     */
    record Valid(VerifiedToken token, List<ValidationWarning> warnings, boolean platformAdmin)
            implements ValidationResult {
        public Valid {
            Objects.requireNonNull(token, "token");
            warnings = List.copyOf(warnings);
        }

        public TokenClaims claims() {
            return token.claims();
        }

        @Override
        public boolean isValid() {
            return true;
        }
    }

    record Rejected(ValidationCode code, String detail) implements ValidationResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
