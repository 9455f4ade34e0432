package io.tokenlife.adapters.persistence;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Users in the {@code users} table, e-mails lower-cased. {@link #find} is on the validation path, so it
 * answers from memory: a user seen once (absent users too) is kept and reloaded in the background
 * {@code ttl} after it was loaded, so validation never waits on the database for a known subject and
 * sees another replica's change within about {@code ttl}. Local writes invalidate at once. While the
 * database is down a failed reload keeps the last known answer (up to an hour old).
 */
final class JdbiUserStore implements UserStore {
    /** Registered with Jdbi for {@link UserRows}. */
    static final RowMapper<User> ROW = (rs, ctx) -> new User(
            rs.getString("email"),
            rs.getString("full_name"),
            rs.getString("password_hash"),
            rs.getBoolean("admin"),
            rs.getBoolean("active"),
            Millis.instant(rs, "created_at"),
            Millis.instant(rs, "updated_at"));

    private final Database db;
    private final LoadingCache<String, Optional<User>> users;

    JdbiUserStore(Database db, Duration ttl) {
        this.db = db;
        this.users = Caffeine.newBuilder()
                .maximumSize(100_000)
                .refreshAfterWrite(ttl)                  // background reload; readers keep the current answer
                .expireAfterWrite(Duration.ofHours(1))   // a reload that keeps failing ends after an hour
                .build(this::load);
    }

    @Override
    public Optional<User> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.get(Subjects.normalize(email));
    }

    private Optional<User> load(String email) {
        return db.withHandle("find user", h -> h.attach(UserRows.class).find(email));
    }

    @Override
    public boolean create(User user) {
        Limits.checkSubject(user.email());
        try {
            db.durably("create user", h -> {
                h.attach(UserRows.class).insert(user.email(), user.fullName(), user.passwordHash(), user.admin(),
                        user.active(), Millis.of(user.createdAt()), Millis.of(user.updatedAt()));
                return null;
            });
            return true;
        } catch (RejectedValueException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        } finally {
            invalidate(user.email());
        }
    }

    @Override
    public boolean update(User user) {
        try {
            int rows = db.durably("update user", h -> h.attach(UserRows.class).update(user.email(), user.fullName(),
                    user.passwordHash(), user.admin(), user.active(), Millis.of(user.createdAt()),
                    Millis.of(user.updatedAt())));
            return rows > 0;
        } finally {
            invalidate(user.email());
        }
    }

    @Override
    public List<User> list() {
        return db.withHandle("list users", h -> h.attach(UserRows.class).list());
    }

    private void invalidate(String email) {
        users.invalidate(email);
    }
}
