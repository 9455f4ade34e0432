package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.User;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/**
 * The plain queries of the {@code users} table as a Jdbi SqlObject (rows map through the {@link User}
 * mapper that {@link Database} registers); instants are epoch milliseconds. Every write carries the next
 * number of {@code user_sequence} ({@link #lockSequence()} until commit), so other processes catch up on it.
 */
interface UserRows {
    String COLUMNS = "email, full_name, password_hash, admin, active, created_at, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
    Optional<User> find(String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
    List<User> list();

    @SqlQuery("SELECT last_seq FROM user_sequence WHERE id = 1")
    long lastSequence();

    /** Locks the sequence row until commit: user writers run one at a time, in sequence order. */
    @SqlQuery("SELECT last_seq FROM user_sequence WHERE id = 1 FOR UPDATE")
    long lockSequence();

    @SqlUpdate("UPDATE user_sequence SET last_seq = :seq WHERE id = 1")
    void advanceSequence(long seq);

    @SqlUpdate("INSERT INTO users (" + COLUMNS + ", seq) VALUES "
            + "(:email, :fullName, :passwordHash, :admin, :active, :createdAt, :updatedAt, :seq)")
    void insert(String email, String fullName, String passwordHash, boolean admin, boolean active, Long createdAt,
                Long updatedAt, long seq);

    @SqlUpdate("UPDATE users SET full_name = :fullName, password_hash = :passwordHash, admin = :admin, "
            + "active = :active, created_at = :createdAt, updated_at = :updatedAt, seq = :seq WHERE email = :email")
    int update(String email, String fullName, String passwordHash, boolean admin, boolean active, Long createdAt,
               Long updatedAt, long seq);
}
