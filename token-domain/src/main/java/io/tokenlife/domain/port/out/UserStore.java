package io.tokenlife.domain.port.out;

import io.tokenlife.domain.model.User;

import java.util.List;

/** The write side of users, for admins (HTTP {@code /users}, CLI {@code user ...}). */
public interface UserStore extends UserDirectory {
    /** Creates a user; returns false, changing nothing, when the e-mail is taken (case-insensitive). */
    boolean create(User user);

    /** Replaces the user with the same e-mail; returns false when there is none. */
    boolean update(User user);

    /** Every user, ordered by e-mail. */
    List<User> list();
}
