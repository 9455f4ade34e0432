package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.User;

import java.util.Optional;

/**
 * Users by e-mail (case-insensitive). Consulted on the validation path, so an adapter backed by a
 * database answers from a cache it keeps current.
 */
public interface UserDirectory {
    Optional<User> find(String email);
}
