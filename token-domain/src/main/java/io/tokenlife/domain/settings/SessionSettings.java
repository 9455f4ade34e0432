package io.tokenlife.domain.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Refresh-token families: how long one refresh token lives, how long a session may go without a refresh,
 * how long it may last in all, and the grace window for a client's retry with the previous token.
 * A refresh token can be exchanged until the earliest of the three clocks.
 */
public record SessionSettings(Duration refreshTokenLifetime, Duration idleTimeout, Duration maxLifetime,
                              Duration reuseGrace) {
    public static final Section SESSIONS = new Section(45, "Sessions and refresh tokens");

    public static final Setting<Integer> REFRESH_TOKEN_LIFETIME = Setting.integer("REFRESH_TOKEN_LIFETIME", 1440, 5,
                    43_200, SESSIONS)
            .allowing("`5` to `43200` (minutes)")
            .doc("Lifetime of one refresh token (returned by login, admin login, SSO and `POST /auth/refresh`); a "
                    + "spent one is remembered this long, so its reuse is detected");
    public static final Setting<Integer> SESSION_IDLE_TIMEOUT = Setting.integer("SESSION_IDLE_TIMEOUT", 480, 5, 43_200,
                    SESSIONS)
            .allowing("`5` to `43200` (minutes)")
            .doc("A session that has not been refreshed for this long ends: its refresh token is refused");
    public static final Setting<Integer> SESSION_MAX_LIFETIME = Setting.integer("SESSION_MAX_LIFETIME", 1440, 5,
                    129_600, SESSIONS)
            .allowing("`5` to `129600` (minutes)")
            .doc("A session ends this long after its login, however often it is refreshed; then the user logs in again");
    public static final Setting<Integer> REFRESH_REUSE_GRACE_SECONDS = Setting.integer("REFRESH_REUSE_GRACE_SECONDS", 0,
                    0, 30, SESSIONS)
            .allowing("`0` to `30` (seconds)")
            .doc("For this long after a refresh, the refresh token just spent may be used once more (a client's "
                    + "retry) without revoking the session; `0`: any reuse revokes it");

    public static final List<Setting<?>> VARIABLES = List.of(REFRESH_TOKEN_LIFETIME, SESSION_IDLE_TIMEOUT,
            SESSION_MAX_LIFETIME, REFRESH_REUSE_GRACE_SECONDS);

    public SessionSettings {
        Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
    }

    public static SessionSettings from(ConfigSource source) {
        return new SessionSettings(Duration.ofMinutes(REFRESH_TOKEN_LIFETIME.read(source)),
                Duration.ofMinutes(SESSION_IDLE_TIMEOUT.read(source)),
                Duration.ofMinutes(SESSION_MAX_LIFETIME.read(source)),
                Duration.ofSeconds(REFRESH_REUSE_GRACE_SECONDS.read(source)));
    }

    /** When a refresh token issued at {@code issuedAt} in a family started at {@code familyStart} stops being stored as live. */
    public Instant expiresAt(Instant issuedAt, Instant familyStart) {
        return earliest(issuedAt.plus(refreshTokenLifetime), familyStart.plus(maxLifetime));
    }

    /** Until when such a token can be exchanged: also bounded by the idle timeout. */
    public Instant usableUntil(Instant issuedAt, Instant familyStart) {
        return earliest(expiresAt(issuedAt, familyStart), issuedAt.plus(idleTimeout));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
