package io.tokenlife.app.cli.command.keys;

import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.app.cli.command.UsageException;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.KeyChangeResult;

import java.io.PrintWriter;

/** The one place the key subcommands turn a {@link KeyChangeResult} into output and an exit code. */
final class KeyChanges {
    static final String STATIC = "KEY_MANAGEMENT=static: the signing key comes from the configuration "
            + "(JWT_SECRET_KEY, JWT_PREVIOUS_SECRET_KEYS or the key files) and changes only there; set "
            + "KEY_MANAGEMENT=managed and run 'tokenlife keys import' to manage it";

    private KeyChanges() {
    }

    static int report(KeyChangeResult result, PrintWriter out) {
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        if (result instanceof KeyChangeResult.UnknownKey unknown) {
            throw new UsageException("KID: no managed signing key has kid '" + unknown.kid() + "' (tokenlife keys list)");
        }
        if (result instanceof KeyChangeResult.NotManaged) {
            throw new CliFailure(STATIC);
        }
        if (result instanceof KeyChangeResult.NotAllowed) {
            throw new CliFailure("only admins manage signing keys");
        }
        KeyChangeResult.Changed changed = (KeyChangeResult.Changed) result;
        out.println(changed.summary());
        changed.keys().forEach(k -> out.println("  " + k.kid() + " " + k.state().wireName()));
        return ExitCodes.OK;
    }
}
