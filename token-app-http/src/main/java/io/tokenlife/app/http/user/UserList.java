package io.tokenlife.app.http.user;

import java.util.List;

/** {@code GET /users}: every user, ordered by e-mail; {@code next} is always null (no paging yet). */
public record UserList(List<UserView> items, String next) {
    public UserList {
        items = List.copyOf(items);
    }
}
