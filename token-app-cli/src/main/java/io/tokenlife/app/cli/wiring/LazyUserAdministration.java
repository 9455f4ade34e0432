package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.in.CreateUserCommand;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.UpdateUserCommand;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** User administration whose database is opened when a method is first called, not when a command is built. */
final class LazyUserAdministration implements ManageUsersUseCase {
    private final Supplier<ManageUsersUseCase> users;

    LazyUserAdministration(Supplier<ManageUsersUseCase> users) {
        this.users = users;
    }

    @Override
    public User create(CreateUserCommand command) {
        return users.get().create(command);
    }

    @Override
    public Optional<User> update(UpdateUserCommand command) {
        return users.get().update(command);
    }

    @Override
    public List<User> list() {
        return users.get().list();
    }
}
