package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenQuery;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF (issue 14, defect 2): every state-changing route of the JSON API × how the credential travels
 * (the browser's {@code jwt_token} cookie, or {@code Authorization: Bearer}) × where the request says it
 * comes from × the body's content type. A cookie request from another site is refused, a cookie request
 * whose body a form could have sent is 415, a form route does not take the cookie, a bearer request is
 * what it always was — and a refused request changes nothing.
 */
class CsrfMatrixIT {
    static FixtureServer server;
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    enum Credential { COOKIE, BEARER }

    /** Where the request says it comes from: the headers a browser adds. */
    enum From {
        NO_HEADERS(false), SAME_ORIGIN(false), FOREIGN_ORIGIN(true), SEC_FETCH_CROSS_SITE(true),
        SEC_FETCH_SAME_SITE(true);

        final boolean foreign;

        From(boolean foreign) {
            this.foreign = foreign;
        }

        void apply(HttpRequest.Builder b, int port) {
            switch (this) {
                case SAME_ORIGIN -> b.header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin");
                case FOREIGN_ORIGIN -> b.header("Origin", "https://evil.example");
                case SEC_FETCH_CROSS_SITE -> b.header("Sec-Fetch-Site", "cross-site");
                case SEC_FETCH_SAME_SITE -> b.header("Origin", "http://sibling.127.0.0.1.nip.io:" + port)
                        .header("Sec-Fetch-Site", "same-site");
                default -> { }
            }
        }
    }

    enum Body {
        JSON("application/json"), TEXT_PLAIN("text/plain"), FORM("application/x-www-form-urlencoded");

        final String contentType;

        Body(String contentType) {
            this.contentType = contentType;
        }
    }

    /** What one case acts on: the credential's token, and the thing the route would change. */
    record Target(IssuedToken credential, String subject, String newUser, String user, IssuedToken victim) {
    }

    /**
     * A state-changing route: its path, a JSON body and a form body for a fresh target, the status of
     * success, whether it reads a JSON body (so a form body is malformed JSON for a bearer caller), whether
     * it is a form route, and whether the target changed (null: the route changes nothing, it only reads).
     */
    record Route(String method, String name, Function<Target, String> path, Function<Target, String> json,
                 Function<Target, String> form, int ok, boolean readsJson, boolean formRoute,
                 Predicate<Target> changed) {
        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/tokens", t -> "/tokens", t -> "{\"name\":\"csrf\",\"expires_in_days\":1}",
                    t -> "name=csrf&expires_in_days=1", 201, true, false,
                    t -> server.store.count(new TokenQuery(Optional.of(t.subject()), Optional.empty(),
                            Optional.of(TokenSource.API), Optional.empty(), Optional.empty(), Optional.empty(), 10),
                            server.clock.instant()) > 0),
            new Route("DELETE", "/tokens/{jti}", t -> "/tokens/" + t.victim().jti(), t -> "{\"reason\":\"csrf\"}",
                    t -> "reason=csrf", 204, true, false, t -> revoked(t.victim())),
            new Route("POST", "/subjects/{subject}/revoke-all", t -> "/subjects/" + t.victim().claims().subject()
                    + "/revoke-all", t -> "{\"reason\":\"csrf\"}", t -> "reason=csrf", 200, true, false,
                    t -> revoked(t.victim())),
            new Route("POST", "/tokens/verify", t -> "/tokens/verify", t -> "{\"token\":\"" + t.victim().compact() + "\"}",
                    t -> "token=" + t.victim().compact(), 200, true, false, null),
            new Route("POST", "/users", t -> "/users", t -> "{\"email\":\"" + t.newUser() + "\",\"admin\":true}",
                    t -> "email=" + t.newUser() + "&admin=true", 201, true, false,
                    t -> server.users.find(t.newUser()).isPresent()),
            new Route("PATCH", "/users/{email}", t -> "/users/" + t.user(), t -> "{\"active\":false}",
                    t -> "active=false", 200, true, false,
                    t -> !server.users.find(t.user()).orElseThrow().active()),
            new Route("POST", "/auth/logout", t -> "/auth/logout", t -> "{}", t -> "x=1", 204, false, false,
                    t -> revoked(t.credential())),
            new Route("POST", "/oauth2/revoke", t -> "/oauth2/revoke", t -> "{\"token\":\"" + t.victim().compact() + "\"}",
                    t -> "token=" + t.victim().compact(), 200, false, true, t -> revoked(t.victim())),
            new Route("POST", "/oauth2/introspect", t -> "/oauth2/introspect",
                    t -> "{\"token\":\"" + t.victim().compact() + "\"}", t -> "token=" + t.victim().compact(), 200,
                    false, true, null));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Credential credential : Credential.values()) {
                for (From from : From.values()) {
                    for (Body body : Body.values()) {
                        cases.add(Arguments.of(route, credential, from, body, expected(route, credential, from, body)));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** The rule, in one place: the cookie is guarded, the header is not. */
    static int expected(Route route, Credential credential, From from, Body body) {
        if (credential == Credential.COOKIE) {
            if (route.formRoute()) {
                return 401; // a form route does not take the cookie
            }
            if (from.foreign) {
                return 403;
            }
            return body == Body.JSON ? route.ok() : 415;
        }
        if (route.formRoute()) {
            return body == Body.FORM ? route.ok() : 400;
        }
        return body == Body.FORM && route.readsJson() ? 400 : route.ok();
    }

    @ParameterizedTest(name = "{1} · {2} · {3} · {0} → {4}")
    @MethodSource("cases")
    void everyStateChangingRouteGuardsTheCookieAndLeavesBearerCallsAsTheyWere(Route route, Credential credential,
                                                                                From from, Body body, int expected) {
        Target target = freshTarget();
        HttpRequest.Builder request = server.client.builder(route.path().apply(target), null)
                .header("Content-Type", body.contentType)
                .method(route.method(), HttpRequest.BodyPublishers.ofString(
                        body == Body.FORM ? route.form().apply(target) : route.json().apply(target)));
        if (credential == Credential.COOKIE) {
            request.header("Cookie", "jwt_token=" + target.credential().compact());
        } else {
            request.header("Authorization", "Bearer " + target.credential().compact());
        }
        from.apply(request, server.app.port());

        Reply reply = server.client.send(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        if (route.changed() != null) {
            assertThat(route.changed().test(target)).as(expected == route.ok() ? "done" : "a refused request changes nothing")
                    .isEqualTo(expected == route.ok());
        }
        if (expected != route.ok()) {
            assertThat(reply.code()).isEqualTo(switch (expected) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                default -> "invalid_request";
            });
        }
        if (expected == 403) {
            assertThat(reply.json().get("detail").asText()).startsWith("cross-site request refused");
        }
    }

    static Stream<Arguments> logins() {
        List<Arguments> cases = new ArrayList<>();
        for (From from : From.values()) {
            for (Body body : List.of(Body.JSON, Body.FORM)) {
                cases.add(Arguments.of(from, body, from.foreign ? 403 : 200));
            }
        }
        return cases.stream();
    }

    /** Login CSRF: a cross-site form must not sign the browser in with someone else's account. */
    @ParameterizedTest(name = "POST /admin/login · {0} · {1} → {2}")
    @MethodSource("logins")
    void theCookieSettingLoginIsRefusedFromAnotherSite(From from, Body body, int expected) {
        String email = "csrf-login-" + SEQ.incrementAndGet() + "@example.com";
        server.addUser(email, "login-password-1234", true, true);
        HttpRequest.Builder request = server.client.builder("/admin/login", null)
                .header("Content-Type", body.contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body == Body.JSON
                        ? "{\"email\":\"" + email + "\",\"password\":\"login-password-1234\"}"
                        : "email=" + email + "&password=login-password-1234"));
        from.apply(request, server.app.port());

        Reply reply = server.client.send(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
        assertThat(reply.header("Set-Cookie") != null).as("a cookie was set").isEqualTo(expected == 200);
    }

    static final List<String> CONSOLE_ACTIONS = List.of("/admin/sign-in", "/admin/sign-out", "/admin/tokens/revoke",
            "/admin/subjects/revoke-all", "/admin/users", "/admin/users/active", "/admin/users/admin",
            "/admin/users/password");

    static Stream<Arguments> consoleActions() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : CONSOLE_ACTIONS) {
            for (From from : List.of(From.FOREIGN_ORIGIN, From.SEC_FETCH_CROSS_SITE, From.SEC_FETCH_SAME_SITE)) {
                cases.add(Arguments.of(path, from.name()));
            }
            if (!path.equals("/admin/sign-in")) {
                cases.add(Arguments.of(path, "SAME_ORIGIN without the form's token"));
            }
        }
        return cases.stream();
    }

    /** The console's forms go through the same guard, plus their synchronizer token. */
    @ParameterizedTest(name = "console POST {0} · {1} → 403")
    @MethodSource("consoleActions")
    void everyConsoleFormIsRefusedFromAnotherSiteOrWithoutItsToken(String path, String from) {
        IssuedToken admin = issue("csrf-console-" + SEQ.incrementAndGet() + "@example.com", TokenUse.SESSION,
                Map.of(Caller.ADMIN_CLAIM, true));
        HttpRequest.Builder request = server.client.builder(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-tokenlife_console=" + admin.compact())
                .POST(HttpRequest.BodyPublishers.ofString("email=x%40example.com&subject=x%40example.com&jti="
                        + admin.jti() + "&password=long-enough-password-1"));
        From.valueOf(from.contains(" ") ? "SAME_ORIGIN" : from).apply(request, server.app.port());

        Reply reply = server.client.send(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.body()).containsIgnoringCase("refused");
        assertThat(revoked(admin)).as("the console session is untouched").isFalse();
    }

    /** A fresh admin credential (a session token with is_admin), a victim token of theirs, a fresh user. */
    static Target freshTarget() {
        int n = SEQ.incrementAndGet();
        String subject = "csrf-admin-" + n + "@example.com";
        IssuedToken credential = issue(subject, TokenUse.SESSION, Map.of(Caller.ADMIN_CLAIM, true));
        IssuedToken victim = issue("csrf-victim-" + n + "@example.com", TokenUse.SESSION, Map.of());
        String user = "csrf-user-" + n + "@example.com";
        server.addUser(user, "user-password-1234", false, true);
        return new Target(credential, subject, "new-" + user, user, victim);
    }

    static IssuedToken issue(String subject, TokenUse use, Map<String, Object> claims) {
        IssueTokenCommand command = new IssueTokenCommand(subject, TokenSource.LOGIN, use, Expiry.byDefault(),
                Optional.empty(), claims, Optional.empty(), Optional.empty());
        return ((IssueTokenResult.Issued) server.services.issueToken().issue(command)).token();
    }

    static boolean revoked(IssuedToken token) {
        return server.store.check(token.jti(), token.claims().subject(), token.claims().issuedAt()).isRevoked();
    }
}
