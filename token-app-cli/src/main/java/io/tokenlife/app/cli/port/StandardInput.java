package io.tokenlife.app.cli.port;

/** The whole standard input, for secrets and tokens that should not appear in shell history. */
@FunctionalInterface
public interface StandardInput {
    String readAll();

    /** {@code -} reads the value from standard input, anything else is the value itself. */
    default String orValue(String value) {
        return "-".equals(value) ? readAll().strip() : value;
    }
}
