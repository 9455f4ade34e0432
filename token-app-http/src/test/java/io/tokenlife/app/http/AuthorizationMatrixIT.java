package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every route of the JSON API (and HEAD beside GET) × every kind of caller, against a
 * real server, read from one table. Each cell runs on fresh subjects, so no cell depends on another.
 *
 * <p>Callers: {@code anon} no token; {@code user} a user's session acting on their own token or account;
 * {@code other} another user's session acting on it; {@code admin} an admin's session; {@code api} the user's
 * API token; {@code adminApi} an admin's API token with {@code is_admin} (no admin rights: ADR 0009);
 * {@code rs} a resource server's API token with the scope {@code tokens:introspect}; {@code revoked} the
 * user's revoked session; {@code disabled} the session of a user who was then disabled.
 */
class AuthorizationMatrixIT {
    static final String MATRIX = """
            route                                   | anon | user | other | admin | api | adminApi | rs  | revoked | disabled
            GET /tokens                             | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            HEAD /tokens                            | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            GET /tokens/{jti}                       | 401  | 200  | 404   | 200   | 200 | 404      | 404 | 401     | 401
            HEAD /tokens/{jti}                      | 401  | 200  | 404   | 200   | 200 | 404      | 404 | 401     | 401
            POST /tokens                            | 401  | 201  | 201   | 201   | 403 | 403      | 403 | 401     | 401
            DELETE /tokens/{jti}                    | 401  | 204  | 404   | 204   | 403 | 403      | 403 | 401     | 401
            POST /subjects/{subject}/revoke-all     | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /tokens/verify                     | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /oauth2/revoke                     | 401  | 200  | 200   | 200   | 200 | 200      | 200 | 401     | 401
            POST /oauth2/introspect                 | 401  | 403  | 403   | 200   | 403 | 403      | 200 | 401     | 401
            GET /users                              | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            HEAD /users                             | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /users                             | 401  | 403  | 403   | 201   | 403 | 403      | 403 | 401     | 401
            PATCH /users/{email}                    | 401  | 403  | 403   | 200   | 403 | 403      | 403 | 401     | 401
            POST /auth/logout                       | 401  | 204  | 204   | 204   | 204 | 204      | 204 | 401     | 401
            POST /auth/login                        | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            POST /admin/login                       | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            POST /auth/sso/{provider}               | 404  | 404  | 404   | 404   | 404 | 404      | 404 | 404     | 404
            GET /.well-known/jwks.json              | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /.well-known/oauth-authorization-server | 200 | 200 | 200 | 200   | 200 | 200      | 200 | 200     | 200
            GET /openapi.json                       | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /health                             | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /ready                              | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            GET /metrics                            | 200  | 200  | 200   | 200   | 200 | 200      | 200 | 200     | 200
            """;
    static final String PASSWORD = "matrix-password-1234";
    static final AtomicInteger SEQ = new AtomicInteger();
    static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What a cell acts on: the user, their API token (the target of token routes), an admin with a password. */
    record World(String user, IssuedToken usersApiToken, String admin, Map<String, String> credentials) {
    }

    /** How to send one route of the table for a world (path placeholders, body). */
    record Request(String method, String path, String contentType, String body) {
    }

    static final Map<String, Function<World, Request>> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("GET /tokens", w -> new Request("GET", "/tokens", null, null));
        REQUESTS.put("HEAD /tokens", w -> new Request("HEAD", "/tokens", null, null));
        REQUESTS.put("GET /tokens/{jti}", w -> new Request("GET", "/tokens/" + w.usersApiToken().jti(), null, null));
        REQUESTS.put("HEAD /tokens/{jti}", w -> new Request("HEAD", "/tokens/" + w.usersApiToken().jti(), null, null));
        REQUESTS.put("POST /tokens", w -> json("POST", "/tokens", "{\"name\":\"m\",\"expires_in_days\":1}"));
        REQUESTS.put("DELETE /tokens/{jti}", w -> new Request("DELETE", "/tokens/" + w.usersApiToken().jti(), null, null));
        REQUESTS.put("POST /subjects/{subject}/revoke-all", w -> json("POST", "/subjects/" + w.user() + "/revoke-all", ""));
        REQUESTS.put("POST /tokens/verify", w -> json("POST", "/tokens/verify", "{\"token\":\"garbage\"}"));
        REQUESTS.put("POST /oauth2/revoke", w -> form("/oauth2/revoke", w.usersApiToken().compact()));
        REQUESTS.put("POST /oauth2/introspect", w -> form("/oauth2/introspect", w.usersApiToken().compact()));
        REQUESTS.put("GET /users", w -> new Request("GET", "/users", null, null));
        REQUESTS.put("HEAD /users", w -> new Request("HEAD", "/users", null, null));
        REQUESTS.put("POST /users", w -> json("POST", "/users", "{\"email\":\"new-" + w.user() + "\"}"));
        REQUESTS.put("PATCH /users/{email}", w -> json("PATCH", "/users/" + w.user(), "{\"full_name\":\"Renamed\"}"));
        REQUESTS.put("POST /auth/logout", w -> new Request("POST", "/auth/logout", null, ""));
        REQUESTS.put("POST /auth/login", w -> json("POST", "/auth/login", login(w.user())));
        REQUESTS.put("POST /admin/login", w -> json("POST", "/admin/login", login(w.admin())));
        REQUESTS.put("POST /auth/sso/{provider}", w -> json("POST", "/auth/sso/corp", "{\"id_token\":\"x.y.z\"}"));
        for (String path : List.of("/.well-known/jwks.json", "/.well-known/oauth-authorization-server",
                "/openapi.json", "/health", "/ready", "/metrics")) {
            REQUESTS.put("GET " + path, w -> new Request("GET", path, null, null));
        }
    }

    static Stream<Arguments> cells() {
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> callers = columns(lines.get(0)).subList(1, columns(lines.get(0)).size());
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = columns(line);
            for (int i = 0; i < callers.size(); i++) {
                cells.add(Arguments.of(row.get(0), callers.get(i), Integer.parseInt(row.get(i + 1))));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void everyRouteAnswersEveryKindOfCallerAsTheTableSays(String route, String caller, int expected) {
        World world = freshWorld();
        Request request = REQUESTS.get(route).apply(world);
        HttpRequest.Builder builder = server.client.builder(request.path(), world.credentials().get(caller))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }

        Reply reply = server.client.send(builder);

        assertThat(reply.status()).as(route + " as " + caller + ": " + reply.body()).isEqualTo(expected);
        if (expected >= 400 && !request.method().equals("HEAD")) {
            assertThat(reply.json().get("status").asInt()).isEqualTo(expected);
        }
    }

    @Test
    void theTableCoversEveryRegisteredRouteAndHeadBesideEveryProtectedGet() {
        List<String> rows = MATRIX.lines().skip(1).filter(l -> !l.isBlank()).map(l -> columns(l).get(0)).toList();
        List<String> registered = server.app.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(rows).containsAll(registered).containsAll(REQUESTS.keySet());
        assertThat(REQUESTS.keySet()).containsAll(rows);
    }

    /** A user with a password and an API token, an admin user with a password, and every kind of caller. */
    static World freshWorld() {
        int n = SEQ.incrementAndGet();
        String user = "user-" + n + "@example.com";
        String admin = "admin-" + n + "@example.com";
        String disabled = "disabled-" + n + "@example.com";
        server.addUser(user, PASSWORD, false, true);
        server.addUser(admin, PASSWORD, true, true);
        server.addUser(disabled, PASSWORD, false, true);
        IssuedToken api = issue(user, TokenUse.API, Map.of(), Optional.empty());
        IssuedToken revoked = issue(user, TokenUse.SESSION, Map.of(), Optional.empty());
        server.services.revokeToken().revoke(RevokeTokenCommand.byJti(Actor.operator("test"), revoked.jti(),
                Optional.of("matrix")));
        IssuedToken ofDisabled = issue(disabled, TokenUse.SESSION, Map.of(), Optional.empty());
        server.services.manageUsers().update(new UpdateUserCommand(Actor.operator("test"), disabled, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(false)));

        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("anon", null);
        credentials.put("user", issue(user, TokenUse.SESSION, Map.of(), Optional.empty()).compact());
        credentials.put("other", issue("other-" + n + "@example.com", TokenUse.SESSION, Map.of(), Optional.empty()).compact());
        credentials.put("admin", issue(admin, TokenUse.SESSION, Map.of(Caller.ADMIN_CLAIM, true), Optional.empty()).compact());
        credentials.put("api", api.compact());
        credentials.put("adminApi", issue(admin, TokenUse.API, Map.of(Caller.ADMIN_CLAIM, true), Optional.empty()).compact());
        credentials.put("rs", issue("rs-" + n + "@example.com", TokenUse.API, Map.of(),
                Optional.of(TokenAccessPolicy.INTROSPECT_SCOPE)).compact());
        credentials.put("revoked", revoked.compact());
        credentials.put("disabled", ofDisabled.compact());
        return new World(user, api, admin, credentials);
    }

    static IssuedToken issue(String subject, TokenUse use, Map<String, Object> claims, Optional<String> scope) {
        IssueTokenCommand command = new IssueTokenCommand(subject, use == TokenUse.API ? TokenSource.API
                : TokenSource.LOGIN, use, use == TokenUse.API ? Expiry.after(java.time.Duration.ofDays(1))
                : Expiry.byDefault(), scope, claims, Optional.empty(), Optional.empty());
        return ((IssueTokenResult.Issued) server.services.issueToken().issue(command)).token();
    }

    static Request json(String method, String path, String body) {
        return new Request(method, path, "application/json", body);
    }

    static Request form(String path, String token) {
        return new Request("POST", path, "application/x-www-form-urlencoded",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    static String login(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    static List<String> columns(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }
}
