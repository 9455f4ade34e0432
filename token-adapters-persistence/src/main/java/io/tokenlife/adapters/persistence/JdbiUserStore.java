package io.tokenlife.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.port.out.UserStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Users in the {@code users} table, e-mails lower-cased. {@link #find} is on the validation path: it
 * answers from a cache (absent users too) that lives {@code ttl}, is invalidated by local writes, and so
 * sees another replica's change within {@code ttl}. While the database is down, the last known answer
 * (up to an hour old) is served rather than failing validation.
 */
final class JdbiUserStore implements UserStore {
    private static final String COLUMNS = "email, full_name, password_hash, admin, active, created_at, updated_at";
    private static final RowMapper<User> ROW = (rs, ctx) -> new User(
            rs.getString("email"),
            rs.getString("full_name"),
            rs.getString("password_hash"),
            rs.getBoolean("admin"),
            rs.getBoolean("active"),
            Millis.instant(rs, "created_at"),
            Millis.instant(rs, "updated_at"));

    private final Database db;
    private final Cache<String, Optional<User>> fresh;
    private final Cache<String, Optional<User>> lastKnown;

    JdbiUserStore(Database db, Duration ttl) {
        this.db = db;
        this.fresh = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        this.lastKnown = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
    }

    @Override
    public Optional<User> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return fresh.get(Subjects.normalize(email), this::load);
    }

    private Optional<User> load(String email) {
        try {
            Optional<User> user = db.withHandle("find user", h -> h.createQuery(
                            "SELECT " + COLUMNS + " FROM users WHERE email = :email")
                    .bind("email", email).map(ROW).findOne());
            lastKnown.put(email, user);
            return user;
        } catch (StoreUnavailableException e) {
            Optional<User> known = lastKnown.getIfPresent(email);
            if (known != null) {
                return known;
            }
            throw e;
        }
    }

    @Override
    public void create(User user) {
        Limits.checkSubject(user.email());
        try {
            db.withHandle("create user", h -> h.createUpdate("INSERT INTO users (" + COLUMNS + ") VALUES "
                            + "(:email, :fullName, :passwordHash, :admin, :active, :createdAt, :updatedAt)")
                    .bind("email", user.email())
                    .bind("fullName", user.fullName())
                    .bind("passwordHash", user.passwordHash())
                    .bind("admin", user.admin())
                    .bind("active", user.active())
                    .bind("createdAt", Millis.of(user.createdAt()))
                    .bind("updatedAt", Millis.of(user.updatedAt()))
                    .execute());
        } catch (StoreUnavailableException e) {
            if (Database.hasSqlState(e, Database.UNIQUE_VIOLATION)) {
                throw new DuplicateUserException(user.email());
            }
            throw e;
        } finally {
            invalidate(user.email());
        }
    }

    @Override
    public boolean update(User user) {
        try {
            int rows = db.withHandle("update user", h -> h.createUpdate("UPDATE users SET full_name = :fullName, "
                            + "password_hash = :passwordHash, admin = :admin, active = :active, created_at = :createdAt, "
                            + "updated_at = :updatedAt WHERE email = :email")
                    .bind("email", user.email())
                    .bind("fullName", user.fullName())
                    .bind("passwordHash", user.passwordHash())
                    .bind("admin", user.admin())
                    .bind("active", user.active())
                    .bind("createdAt", Millis.of(user.createdAt()))
                    .bind("updatedAt", Millis.of(user.updatedAt()))
                    .execute());
            return rows > 0;
        } finally {
            invalidate(user.email());
        }
    }

    @Override
    public List<User> list() {
        return db.withHandle("list users", h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
                .map(ROW).list());
    }

    private void invalidate(String email) {
        fresh.invalidate(email);
        lastKnown.invalidate(email);
    }
}
