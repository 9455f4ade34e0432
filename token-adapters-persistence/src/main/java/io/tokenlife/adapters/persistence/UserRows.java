package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.model.User;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/**
 * The plain queries of the {@code users} table as a Jdbi SqlObject (rows map through the {@link User}
 * mapper that {@link Database} registers); instants are epoch milliseconds.
 */
interface UserRows {
    String COLUMNS = "email, full_name, password_hash, admin, active, created_at, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
    Optional<User> find(String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
    List<User> list();

    @SqlUpdate("INSERT INTO users (" + COLUMNS + ") VALUES "
            + "(:email, :fullName, :passwordHash, :admin, :active, :createdAt, :updatedAt)")
    void insert(String email, String fullName, String passwordHash, boolean admin, boolean active, Long createdAt,
                Long updatedAt);

    @SqlUpdate("UPDATE users SET full_name = :fullName, password_hash = :passwordHash, admin = :admin, "
            + "active = :active, created_at = :createdAt, updated_at = :updatedAt WHERE email = :email")
    int update(String email, String fullName, String passwordHash, boolean admin, boolean active, Long createdAt,
               Long updatedAt);
}
