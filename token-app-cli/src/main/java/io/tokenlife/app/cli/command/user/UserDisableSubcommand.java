package io.tokenlife.app.cli.command.user;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "disable", description = {"Disable a user and revoke every token they hold.",
        "With REQUIRE_USER_IN_DB=true their tokens are also rejected as user_disabled."})
public final class UserDisableSubcommand extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The user's e-mail address.")
    String email;

    private final ManageUsersUseCase users;
    private final Actor operator;

    public UserDisableSubcommand(ManageUsersUseCase users, Actor operator) {
        this.users = users;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        UpdateUserResult result = users.update(new UpdateUserCommand(operator, email, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(false)));
        if (result instanceof UpdateUserResult.NotFound) {
            err().println("no user with e-mail '" + email + "'");
            return ExitCodes.FAILED;
        }
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        out().println("disabled user " + ((UpdateUserResult.Updated) result).user().email()
                + " and revoked the tokens issued to them until now");
        return ExitCodes.OK;
    }
}
