package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.User;

import java.util.List;
import java.util.Optional;

/**
 * User administration for admins. Invalid input is an {@link IllegalArgumentException} naming the field;
 * an e-mail taken is {@link io.tokenlife.domain.port.out.UserStore.DuplicateUserException}.
 */
public interface ManageUsersUseCase {
    User create(CreateUserCommand command);

    /** Empty when there is no such user. Disabling, demoting or a new password revokes the user's tokens. */
    Optional<User> update(UpdateUserCommand command);

    List<User> list();
}
