package io.tokenlife.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Instants are stored as epoch milliseconds; null stays null. */
final class Millis {
    private Millis() {
    }

    static Long of(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** Expiry for the index: {@link Long#MAX_VALUE} when unknown (kept until a purge decides otherwise). */
    static long expiry(Instant expiresAt) {
        return expiresAt == null ? Long.MAX_VALUE : expiresAt.toEpochMilli();
    }
}
