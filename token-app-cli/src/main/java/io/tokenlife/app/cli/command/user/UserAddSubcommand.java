package io.tokenlife.app.cli.command.user;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.Flags;
import io.tokenlife.app.cli.command.UsageException;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.StandardInput;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.settings.Secret;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "add", description = {"Add an active user.",
        "Without a password the user cannot log in with one (SSO only). Prefer --password-stdin: "
                + "--password shows in the shell history and the process list."})
public final class UserAddSubcommand extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The user's e-mail address (the token subject).")
    String email;

    @Option(names = "--full-name", paramLabel = "N", description = "The user's full name.")
    String fullName;

    @Option(names = "--admin", description = "The user may manage every token and user.")
    boolean admin;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    static final class PasswordSource {
        @Option(names = "--password-stdin", required = true, description = "Read the password from stdin (first line).")
        boolean stdin;

        @Option(names = "--password", required = true, paramLabel = "P", description = "The password itself.")
        String value;
    }

    private final ManageUsersUseCase users;
    private final StandardInput stdin;
    private final Actor operator;

    public UserAddSubcommand(ManageUsersUseCase users, StandardInput stdin, Actor operator) {
        this.users = users;
        this.stdin = stdin;
        this.operator = operator;
    }

    @Override
    public Integer call() {
        Optional<Secret> secret = Optional.empty();
        if (password != null) {
            secret = Optional.of(new Secret(password.stdin ? firstLine(stdin.readAll()) : password.value));
        }
        CreateUserResult result = users.create(new CreateUserCommand(operator, email, Optional.ofNullable(fullName),
                secret, admin));
        if (result instanceof CreateUserResult.Taken taken) {
            throw new CliFailure(taken.detail());
        }
        if (result instanceof Invalid invalid) {
            throw Flags.usage(invalid);
        }
        User user = ((CreateUserResult.Created) result).user();
        out().println("added user " + user.email() + (user.admin() ? " (admin)" : "")
                + (secret.isEmpty() ? " without a password (SSO only)" : ""));
        return ExitCodes.OK;
    }

    private static String firstLine(String input) {
        String line = input.lines().findFirst().orElse("");
        if (line.isEmpty()) {
            throw new UsageException("--password-stdin: standard input is empty");
        }
        return line;
    }
}
