package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in memory: the reference behaviour of {@link UserStore}. */
public final class InMemoryUserDirectory implements UserStore {
    private final Map<String, User> users = new ConcurrentHashMap<>();

    public InMemoryUserDirectory put(User user) {
        users.put(user.email(), user);
        return this;
    }

    @Override
    public Optional<User> find(String email) {
        return Optional.ofNullable(users.get(Subjects.normalize(email)));
    }

    @Override
    public boolean create(User user) {
        return users.putIfAbsent(user.email(), user) == null;
    }

    @Override
    public boolean update(User user) {
        return users.replace(user.email(), user) != null;
    }

    @Override
    public List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(User::email)).toList();
    }
}
