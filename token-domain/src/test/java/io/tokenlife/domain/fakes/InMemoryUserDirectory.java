package io.tokenlife.domain.fakes;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserDirectory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryUserDirectory implements UserDirectory {
    private final Map<String, User> users = new ConcurrentHashMap<>();

    public InMemoryUserDirectory put(User user) {
        users.put(user.email(), user);
        return this;
    }

    @Override
    public Optional<User> find(String email) {
        return Optional.ofNullable(users.get(Subjects.normalize(email)));
    }
}
