package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.Subjects;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.port.out.UserStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users in the {@code users} table, e-mails lower-cased, and all of them held in memory: {@link #loadAll()}
 * at start, {@link #catchUp()} on a schedule by the {@code user_sequence} number every write takes (another
 * replica's change is seen within one catch-up interval), this process's own writes at once.
 * {@link #findInMemory} — the validation path — never goes to the database, so a token of a subject this
 * process has never seen validates during an outage too. {@link #find} (login, administration) also reads
 * a user it does not hold from the database: one created on another replica a moment ago.
 */
final class JdbiUserStore implements UserStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiUserStore.class);

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
    /** lower-cased e-mail → user; every user once {@link #complete} */
    private final Map<String, User> held = new ConcurrentHashMap<>();
    private volatile boolean complete;
    private volatile long lastSeen;
    private boolean failing;

    JdbiUserStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String key = Subjects.normalize(email);
        User user = held.get(key);
        if (user != null) {
            return Optional.of(user);
        }
        Optional<User> read = db.withHandle("find user", h -> h.attach(UserRows.class).find(key));
        read.ifPresent(u -> held.putIfAbsent(key, u)); // a catch-up may have brought a newer row meanwhile
        return read;
    }

    /** From memory alone once loaded; before that (no sync started) as {@link #find}. */
    @Override
    public Optional<User> findInMemory(String email) {
        if (!complete) {
            return find(email);
        }
        return email == null || email.isBlank() ? Optional.empty() : Optional.ofNullable(held.get(Subjects.normalize(email)));
    }

    /** Loads every user; throws when the database cannot be read. Returns how many. */
    int loadAll() {
        int loaded = db.inTransaction("load users", h -> {
            // read the sequence first: anything committed meanwhile is read again by the catch-up
            long seq = h.attach(UserRows.class).lastSequence();
            List<User> all = h.attach(UserRows.class).list();
            all.forEach(u -> held.put(Subjects.normalize(u.email()), u));
            lastSeen = seq;
            return all.size();
        });
        complete = true;
        return loaded;
    }

    /** Takes in every user written (here or elsewhere) since the last catch-up; never throws. */
    void catchUp() {
        if (!complete) {
            return;
        }
        try {
            long seen = lastSeen;
            long newest = db.withHandle("user catch-up", h -> changedSince(h, seen));
            lastSeen = Math.max(lastSeen, newest);
            if (failing) {
                LOG.info("user catch-up recovered at sequence {}", lastSeen);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("user catch-up failing, validation keeps answering from memory: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private long changedSince(Handle h, long seen) {
        return h.createQuery("SELECT " + UserRows.COLUMNS + ", seq FROM users WHERE seq > :seq")
                .bind("seq", seen)
                .reduceResultSet(seen, (max, rs, ctx) -> {
                    User user = ROW.map(rs, ctx);
                    held.put(Subjects.normalize(user.email()), user);
                    return Math.max(max, rs.getLong("seq"));
                });
    }

    @Override
    public boolean create(User user) {
        Limits.checkSubject(user.email());
        try {
            db.durably("create user", h -> {
                UserRows rows = h.attach(UserRows.class);
                long seq = rows.lockSequence() + 1;
                rows.insert(user.email(), user.fullName(), user.passwordHash(), user.admin(), user.active(),
                        Millis.of(user.createdAt()), Millis.of(user.updatedAt()), seq);
                rows.advanceSequence(seq);
                return null;
            });
        } catch (RejectedValueException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
        held.put(Subjects.normalize(user.email()), user);
        return true;
    }

    @Override
    public boolean update(User user) {
        int updated = db.durably("update user", h -> {
            UserRows rows = h.attach(UserRows.class);
            long seq = rows.lockSequence() + 1;
            int n = rows.update(user.email(), user.fullName(), user.passwordHash(), user.admin(), user.active(),
                    Millis.of(user.createdAt()), Millis.of(user.updatedAt()), seq);
            if (n > 0) {
                rows.advanceSequence(seq);
            }
            return n;
        });
        if (updated > 0) {
            held.put(Subjects.normalize(user.email()), user);
        }
        return updated > 0;
    }

    @Override
    public List<User> list() {
        return db.withHandle("list users", h -> h.attach(UserRows.class).list());
    }
}
