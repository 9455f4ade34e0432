package io.tokenlife.app.cli.command.user;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "list", description = "List the users, ordered by e-mail.")
public final class UserListSubcommand extends CliCommand {
    private static final String ROW = "%-36s  %-24s  %-5s  %-6s  %s%n";

    @Option(names = "--json", description = "{\"items\": [...], \"next\": null}, the fields of GET /users.")
    boolean json;

    private final ManageUsersUseCase users;

    public UserListSubcommand(ManageUsersUseCase users) {
        this.users = users;
    }

    @Override
    public Integer call() {
        List<User> all = users.list();
        if (json) {
            out().println(JsonOutput.write(JsonOutput.items(all.stream().map(JsonOutput::user).toList(), null)));
            return ExitCodes.OK;
        }
        out().printf(ROW, "EMAIL", "FULL_NAME", "ADMIN", "ACTIVE", "CREATED_AT");
        for (User u : all) {
            out().printf(ROW, u.email(), u.fullName() == null ? "" : u.fullName(), u.admin(), u.active(), u.createdAt());
        }
        return ExitCodes.OK;
    }
}
