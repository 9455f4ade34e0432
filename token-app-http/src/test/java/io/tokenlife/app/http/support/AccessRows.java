package io.tokenlife.app.http.support;

import io.tokenlife.domain.model.IssuedToken;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One feature's rows of the authorization matrix ({@code AuthorizationMatrixIT}): who may call each of its
 * routes (and HEAD beside each GET), one status per kind of caller, and how to send each route for a fresh
 * {@link World}. A feature's IT holds its rows; the matrix runs every feature's and fails when a registered
 * route has none.
 *
 * @param table    a header line ({@link #COLUMNS}, spaces free) and one line per route: {@code METHOD /path | status | ...}
 * @param requests how to send each route of the table, by its first column
 */
public record AccessRows(String table, Map<String, Function<World, Request>> requests) {
    /**
     * The kinds of caller: {@code anon} no token; {@code user} a user's session acting on their own token or account;
     * {@code other} another user's session acting on it; {@code admin} an admin's session; {@code api} the user's
     * API token; {@code adminApi} an admin's API token with {@code is_admin} (no admin rights: ADR 0009);
     * {@code rs} a resource server's API token with the scope {@code tokens:introspect}; {@code revoked} the
     * user's revoked session; {@code disabled} the session of a user who was then disabled.
     */
    public static final List<String> CALLERS = List.of("anon", "user", "other", "admin", "api", "adminApi", "rs",
            "revoked", "disabled");
    /** The password of every user of a {@link World}. */
    public static final String PASSWORD = "matrix-password-1234";

    public AccessRows {
        requests = Map.copyOf(requests);
    }

    /** The routes of the table, in its order. */
    public List<String> routes() {
        return lines().subList(1, lines().size()).stream().map(l -> columns(l).get(0)).toList();
    }

    /** The caller names of the header, in its order. */
    public List<String> callers() {
        List<String> header = columns(lines().get(0));
        return header.subList(1, header.size());
    }

    /** The expected status of each caller for {@code route}, in the order of {@link #callers()}. */
    public List<Integer> statuses(String route) {
        List<String> row = lines().stream().skip(1).map(AccessRows::columns).filter(r -> r.get(0).equals(route))
                .findFirst().orElseThrow();
        return row.subList(1, row.size()).stream().map(Integer::parseInt).toList();
    }

    private List<String> lines() {
        return table.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> columns(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    /**
     * What a cell acts on: the user, their API token (the target of token routes), the refresh-token family of
     * their login (the target of family routes), an admin with a password; and the credential of every kind of caller.
     */
    public record World(String user, IssuedToken usersApiToken, String usersFamily, String admin,
                        Map<String, String> credentials) {
    }

    /** How to send one route of the table for a world (path placeholders, body). */
    public record Request(String method, String path, String contentType, String body) {
        public static Request of(String method, String path) {
            return new Request(method, path, null, null);
        }

        public static Request json(String method, String path, String body) {
            return new Request(method, path, "application/json", body);
        }

        public static Request form(String path, String token) {
            return new Request("POST", path, "application/x-www-form-urlencoded",
                    "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }

        /** A password login of {@code email} with the world's {@link #PASSWORD}. */
        public static String login(String email) {
            return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        }
    }
}
