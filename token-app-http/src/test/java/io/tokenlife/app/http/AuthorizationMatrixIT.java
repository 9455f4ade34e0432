package io.tokenlife.app.http;

import io.tokenlife.app.http.discovery.DiscoveryAccess;
import io.tokenlife.app.http.identity.LoginIT;
import io.tokenlife.app.http.key.ManagedKeysIT;
import io.tokenlife.app.http.oauth.OAuthEndpointsIT;
import io.tokenlife.app.http.ops.OpsAccess;
import io.tokenlife.app.http.support.AccessRows.Request;
import io.tokenlife.app.http.support.AccessRows.World;
import io.tokenlife.app.http.support.AccessRows;
import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.token.TokenLifecycleIT;
import io.tokenlife.app.http.user.UsersIT;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.in.UpdateUserCommand;
import io.tokenlife.domain.settings.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every route of the JSON API (and HEAD beside GET) × every kind of caller
 * ({@link AccessRows#CALLERS}), against a real server, read from the features' tables: each feature's IT holds
 * the rows of its routes. Each cell runs on fresh subjects, so no cell depends on another.
 */
class AuthorizationMatrixIT {
    /** One line per feature. */
    static final List<AccessRows> FEATURES = List.of(
            TokenLifecycleIT.ACCESS,
            OAuthEndpointsIT.ACCESS,
            LoginIT.ACCESS,
            ManagedKeysIT.ACCESS,
            UsersIT.ACCESS,
            DiscoveryAccess.ROWS,
            OpsAccess.ROWS);
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

    /** Every feature's requests, by route; a route in two features' tables is a mistake. */
    static final Map<String, Function<World, Request>> REQUESTS = new LinkedHashMap<>();

    static {
        for (AccessRows feature : FEATURES) {
            feature.requests().forEach((route, request) -> {
                if (REQUESTS.putIfAbsent(route, request) != null) {
                    throw new IllegalStateException("two features send " + route);
                }
            });
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (AccessRows feature : FEATURES) {
            List<String> callers = feature.callers();
            for (String route : feature.routes()) {
                List<Integer> statuses = feature.statuses(route);
                for (int i = 0; i < callers.size(); i++) {
                    cells.add(Arguments.of(route, callers.get(i), statuses.get(i)));
                }
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
        List<String> rows = FEATURES.stream().flatMap(feature -> feature.routes().stream()).toList();
        List<String> registered = server.app.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(rows).containsAll(registered).containsAll(REQUESTS.keySet());
        assertThat(REQUESTS.keySet()).containsAll(rows);
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(FEATURES).allSatisfy(feature -> assertThat(feature.callers()).isEqualTo(AccessRows.CALLERS));
    }

    /** A user with a password and an API token, an admin user with a password, and every kind of caller. */
    static World freshWorld() {
        int n = SEQ.incrementAndGet();
        String user = "user-" + n + "@example.com";
        String admin = "admin-" + n + "@example.com";
        String disabled = "disabled-" + n + "@example.com";
        server.addUser(user, AccessRows.PASSWORD, false, true);
        server.addUser(admin, AccessRows.PASSWORD, true, true);
        server.addUser(disabled, AccessRows.PASSWORD, false, true);
        IssuedToken api = issue(user, TokenUse.API, Map.of(), Optional.empty());
        LoginResult login = server.services.login().login(new LoginCommand(user, new Secret(AccessRows.PASSWORD), TokenSource.LOGIN,
                "127.0.0.1"));
        String family = ((LoginResult.LoggedIn) login).refresh().orElseThrow().familyId();
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
        return new World(user, api, family, admin, credentials);
    }

    static IssuedToken issue(String subject, TokenUse use, Map<String, Object> claims, Optional<String> scope) {
        IssueTokenCommand command = new IssueTokenCommand(subject, use == TokenUse.API ? TokenSource.API
                : TokenSource.LOGIN, use, use == TokenUse.API ? Expiry.after(java.time.Duration.ofDays(1))
                : Expiry.byDefault(), scope, claims, Optional.empty(), Optional.empty());
        return ((IssueTokenResult.Issued) server.services.issueToken().issue(command)).token();
    }
}
