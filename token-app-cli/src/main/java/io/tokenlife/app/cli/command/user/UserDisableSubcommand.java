package io.tokenlife.app.cli.command.user;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.domain.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "disable", description = {"Disable a user.",
        "With REQUIRE_USER_IN_DB=true their tokens are rejected (user_disabled) at once; otherwise also run "
                + "'token revoke-subject EMAIL'."})
public final class UserDisableSubcommand extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The user's e-mail address.")
    String email;

    public UserDisableSubcommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Optional<User> disabled = context.users().disable(email);
        if (disabled.isEmpty()) {
            err().println("no user with e-mail '" + email + "'");
            return ExitCodes.FAILED;
        }
        out().println("disabled user " + disabled.get().email());
        return ExitCodes.OK;
    }
}
