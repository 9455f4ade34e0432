package io.tokenlife.app.http;

import java.util.List;

/** The configuration (or what it points to) is unusable: the process must not start (exit code 1). */
public final class StartupRefusedException extends RuntimeException {
    private final List<String> reasons;

    public StartupRefusedException(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
