package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.User;

import java.util.List;
import java.util.Optional;

/** User administration for admins. */
public interface ManageUsersUseCase {
    CreateUserResult create(CreateUserCommand command);

    /** Disabling, demoting or a new password revokes the user's tokens. */
    UpdateUserResult update(UpdateUserCommand command);

    List<User> list();

    /** The user with this e-mail, compared without case. */
    Optional<User> find(String email);
}
