package io.tokenlife.bench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database {@code tl_bench_<random>} on 127.0.0.1:5432 (user postgres, trust auth),
 * dropped on {@link #close()}.
 */
public final class Postgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1:5432";
    private static final String ADMIN = "jdbc:postgresql://" + HOST + "/postgres?user=postgres";
    private final String name;

    private Postgres(String name) {
        this.name = name;
    }

    /** Creates the database; a clear exception naming the host when PostgreSQL is not reachable. */
    public static Postgres createDatabase() {
        String name = "tl_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            exec("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL not reachable at " + HOST + ": " + e.getMessage(), e);
        }
        return new Postgres(name);
    }

    public static boolean reachable() {
        try (Connection c = DriverManager.getConnection(ADMIN)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name + "?user=postgres";
    }

    @Override
    public void close() {
        try {
            exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop database " + name + ": " + e.getMessage());
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
