package io.tokenlife.domain.policy;

import java.util.List;
import java.util.Objects;

/** One result of the startup review: a warning to log, or an error that refuses to start. */
public record ConfigurationFinding(Severity severity, String code, List<String> variables, String message) {
    public enum Severity { WARNING, ERROR }

    public ConfigurationFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        variables = List.copyOf(variables);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
