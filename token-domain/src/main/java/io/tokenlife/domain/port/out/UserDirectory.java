package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.User;

import java.util.Optional;

/**
 * Users by e-mail (case-insensitive). Consulted on the validation path, so an adapter backed by a
 * database holds the users in memory and keeps them current.
 */
public interface UserDirectory {
    Optional<User> find(String email);

    /**
     * The user as this process holds it, never waiting on a database — the validation path's lookup, so
     * that a token of a subject never seen before validates during an outage too. A directory that is
     * memory anyway answers as {@link #find}.
     */
    default Optional<User> findInMemory(String email) {
        return find(email);
    }
}
