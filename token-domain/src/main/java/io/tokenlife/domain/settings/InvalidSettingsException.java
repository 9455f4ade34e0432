package io.tokenlife.domain.settings;

/** A configuration value that cannot be used; the message names the variable and what it accepts. */
public final class InvalidSettingsException extends RuntimeException {
    private final String variable;

    public InvalidSettingsException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
