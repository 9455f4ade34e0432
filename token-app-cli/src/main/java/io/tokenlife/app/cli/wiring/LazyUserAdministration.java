package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.CreateUserResult;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.port.in.UpdateUserResult;

import java.util.List;
import java.util.function.Supplier;

/** User administration whose database is opened when a method is first called, not when a command is built. */
final class LazyUserAdministration implements ManageUsersUseCase {
    private final Supplier<ManageUsersUseCase> users;

    LazyUserAdministration(Supplier<ManageUsersUseCase> users) {
        this.users = users;
    }

    @Override
    public CreateUserResult create(CreateUserCommand command) {
        return users.get().create(command);
    }

    @Override
    public UpdateUserResult update(UpdateUserCommand command) {
        return users.get().update(command);
    }

    @Override
    public List<User> list() {
        return users.get().list();
    }
}
