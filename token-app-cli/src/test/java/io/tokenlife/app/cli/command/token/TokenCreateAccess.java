package io.tokenlife.app.cli.command.token;

/** Opens the package-private claim parsing to tests in other packages. */
public final class TokenCreateAccess {
    private TokenCreateAccess() {
    }

    public static Object literal(String value) {
        return TokenCreateSubcommand.literal(value);
    }
}
