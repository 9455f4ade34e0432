package io.tokenlife.app.http;

import io.tokenlife.app.http.support.Client.Reply;
import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.revocation.RevocationCutoff;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.app.http.ops.ReadinessCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.tokenlife.app.http.support.FixtureServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console over HTTP, without a browser (ConsoleBrowserIT drives it in Chromium): sessions,
 * CSRF and origin checks, headers, bad input, and a database outage.
 */
class AdminConsoleIT {
    static final String ROOT = "root@example.com";
    static final String PASSWORD = "root-password-1";
    static final String COOKIE = "__Host-tokenlife_console";
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final AtomicBoolean storeDown = new AtomicBoolean();
    FixtureServer server;
    String origin;

    @BeforeEach
    void start() {
        server = FixtureServer.withRevocations(store -> new RevocationStore() {
            @Override
            public boolean revoke(Revocation revocation) {
                failIfDown();
                return store.revoke(revocation);
            }

            @Override
            public void revokeAll(RevocationCutoff cutoff) {
                failIfDown();
                store.revokeAll(cutoff);
            }

            @Override
            public int purgeExpiredRevocations(Instant before) {
                return store.purgeExpiredRevocations(before);
            }
        });
        server.addUser(ROOT, PASSWORD, true, true);
        origin = server.client.base();
    }

    void failIfDown() {
        if (storeDown.get()) {
            throw new StoreUnavailableException("connection refused", null);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Reply get(String path, String session) {
        HttpRequest.Builder b = server.client.builder(path, null).GET();
        if (session != null) {
            b.header("Cookie", COOKIE + "=" + session);
        }
        return server.client.send(b);
    }

    Reply post(String path, String session, Map<String, String> form, String fromOrigin) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = server.client.builder(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fromOrigin != null) {
            b.header("Origin", fromOrigin);
        }
        if (session != null) {
            b.header("Cookie", COOKIE + "=" + session);
        }
        return server.client.send(b);
    }

    String signIn() {
        Reply reply = post("/admin/sign-in", null, Map.of("email", ROOT, "password", PASSWORD), origin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(303);
        String cookie = reply.header("set-cookie");
        assertThat(cookie).startsWith(COOKIE + "=").contains("; HttpOnly", "; SameSite=Strict", "; Secure", "; Path=/");
        return cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
    }

    static String csrf(Reply page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.body()).isTrue();
        return m.group(1);
    }

    Map<String, String> form(String csrf, String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    @Test
    void withoutASessionEveryPageSendsToSignInAndTheSignInPageHasAStrictPolicy() {
        Reply overview = get("/admin", null);
        assertThat(overview.status()).isEqualTo(303);
        assertThat(overview.header("location")).endsWith("/admin/sign-in");
        Reply signIn = get("/admin/sign-in", null);
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.contentType()).startsWith("text/html");
        assertThat(signIn.header("content-security-policy")).contains("default-src 'self'", "script-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(signIn.header("x-frame-options")).isEqualTo("DENY");
        assertThat(signIn.header("cache-control")).isEqualTo("no-store");
        assertThat(signIn.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+|style=\"|<style");
    }

    @Test
    void assetsAreVersionedAndCachedForAYear() {
        Reply page = get("/admin/sign-in", null);
        Matcher css = Pattern.compile("href=\"(/admin/assets/console\\.[0-9a-f]{12}\\.css)\"").matcher(page.body());
        Matcher js = Pattern.compile("src=\"(/admin/assets/htmx-[0-9.]+\\.min\\.js)\"").matcher(page.body());
        assertThat(css.find()).isTrue();
        assertThat(js.find()).isTrue();
        Reply style = get(css.group(1), null);
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        assertThat(style.header("cache-control")).isEqualTo("public, max-age=31536000, immutable");
        Reply htmx = get(js.group(1), null);
        assertThat(htmx.contentType()).startsWith("text/javascript");
        assertThat(htmx.body()).contains("htmx");
        assertThat(get("/admin/assets/console.000000000000.css", null).status()).isEqualTo(404);
    }

    @Test
    void anAdminSignsInAndTheSessionCookieIsNotATokenForTheJsonApi() {
        String session = signIn();
        Reply overview = get("/admin", session);
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>", "Live tokens", ROOT);
        Reply api = server.client.send(server.client.builder("/tokens", null).header("Cookie", COOKIE + "=" + session).GET());
        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void aNonAdminGetsNoSessionAndTheirTokenIsRevokedAtOnce() {
        server.addUser(ALICE, "alice-password-1", false, true);
        Reply refused = post("/admin/sign-in", null, Map.of("email", ALICE, "password", "alice-password-1"), origin);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("set-cookie")).isNull();
        assertThat(refused.body()).contains("no admin rights");
        assertThat(server.store.list(io.tokenlife.domain.model.TokenQuery.all().withSubject(ALICE), Instant.now())
                .items()).allMatch(t -> t.revokedAt() != null).isNotEmpty();

        Reply withUserToken = get("/admin", server.session(ALICE));
        assertThat(withUserToken.status()).isEqualTo(403);
        Reply withAdminApiToken = get("/admin", server.issue(ROOT, TokenUse.API, true));
        assertThat(withAdminApiToken.status()).as("an API token is no console session").isEqualTo(403);
    }

    @Test
    void aRevokedSessionLandsOnTheSignInPageAndItsCookieIsCleared() {
        String session = signIn();
        String jti = server.store.list(io.tokenlife.domain.model.TokenQuery.all().withSubject(ROOT), Instant.now())
                .items().get(0).jti();
        server.services.revokeToken().revoke(RevokeTokenCommand.byJti(Actor.operator("test"), jti, Optional.empty()));
        Reply page = get("/admin/tokens", session);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("location")).endsWith("/admin/sign-in?ended");
        assertThat(page.header("set-cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void aFormFromAnotherOriginOrWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        String session = signIn();
        String csrf = csrf(get("/admin/users", session));
        Map<String, String> create = form(csrf, "email", "mallory@example.com", "admin", "true");

        Reply foreign = post("/admin/users", session, create, "https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("sent from another site");
        Reply crossSite = server.client.send(server.client.builder("/admin/users", null)
                .header("Cookie", COOKIE + "=" + session).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&email=mallory%40example.com")));
        assertThat(crossSite.status()).isEqualTo(403);
        Map<String, String> noToken = new LinkedHashMap<>(create);
        noToken.remove("csrf");
        assertThat(post("/admin/users", session, noToken, origin).status()).isEqualTo(403);
        Map<String, String> otherToken = new LinkedHashMap<>(create);
        otherToken.put("csrf", csrf(get("/admin/users", signIn())));
        assertThat(post("/admin/users", session, otherToken, origin).status())
                .as("the token of another session").isEqualTo(403);
        assertThat(server.users.find("mallory@example.com")).isEmpty();

        Reply ok = post("/admin/users", session, create, origin);
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(server.users.find("mallory@example.com")).hasValueSatisfying(u -> assertThat(u.admin()).isTrue());
    }

    @Test
    void aBadValueIsShownBesideItsFieldAndWhatWasTypedIsKept() {
        String session = signIn();
        String csrf = csrf(get("/admin/users", session));
        Reply reply = post("/admin/users", session, form(csrf, "email", "not-an-email", "full_name", "Carol <b>",
                "password", "secret-but-short"), origin);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).contains("id=\"f-email-error\"", "is not an e-mail address",
                "value=\"not-an-email\"", "value=\"Carol &lt;b", "aria-invalid=\"true\"")
                .doesNotContain("secret-but-short");
        Reply shortPassword = post("/admin/users", session, form(csrf, "email", "carol@example.com",
                "password", "short"), origin);
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.body()).contains("id=\"f-password-error\"", "at least 10 characters",
                "value=\"carol@example.com\"");
        Reply events = get("/admin/events?type=nope&subject=alice%40example.com", session);
        assertThat(events.status()).isEqualTo(400);
        assertThat(events.body()).contains("id=\"f-type-error\"", "'nope' is no security event type",
                "value=\"alice@example.com\"");
        Reply search = get("/admin/tokens?status=gone", session);
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.body()).contains("id=\"f-status\"", "Choose active, revoked or expired");
    }

    @Test
    void revokingAnAlreadyRevokedTokenSaysSoAndChangesNothing() {
        String session = signIn();
        IssuedToken token = server.issued(ALICE);
        server.services.revokeToken().revoke(RevokeTokenCommand.byJti(Actor.operator("someone-else"), token.jti(),
                Optional.of("first")));
        String csrf = csrf(get("/admin/tokens/" + token.jti(), session));

        Reply stale = post("/admin/tokens/revoke", session, form(csrf, "jti", token.jti(), "reason", "second"), origin);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("already revoked", "someone-else", "Nothing was changed");
        assertThat(server.store.find(token.jti()).orElseThrow().reason()).isEqualTo("first");
    }

    @Test
    void whileTheDatabaseIsDownABannerShowsWriteButtonsAreDisabledAndARevokeChangesNothing() {
        String session = signIn();
        IssuedToken token = server.issued(ALICE);
        String csrf = csrf(get("/admin/tokens/" + token.jti(), session));
        server.readiness.set(new ReadinessCheck.Readiness(false, true));
        storeDown.set(true);

        Reply page = get("/admin/tokens/" + token.jti(), session);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The database is unavailable", "class=\"danger\" disabled>Revoke");
        Reply users = get("/admin/users", session);
        assertThat(users.body()).contains("disabled>Create user");
        Reply revoke = post("/admin/tokens/revoke", session, form(csrf, "jti", token.jti()), origin);
        assertThat(revoke.status()).isEqualTo(503);
        assertThat(revoke.body()).contains("nothing was changed");
        assertThat(server.store.find(token.jti()).orElseThrow().revokedAt()).isNull();
        assertThat(server.client.postForm("/oauth2/introspect", server.adminSession(), Map.of("token", token.compact()))
                .json().get("active").asBoolean()).as("validation keeps working").isTrue();
    }

    @Test
    void withSecureCookiesOffTheCookieHasNoHostPrefixAndNoSecureFlag() {
        try (FixtureServer plain = FixtureServer.start("SECURE_COOKIES", "false")) {
            plain.addUser(ROOT, PASSWORD, true, true);
            String body = "email=" + URLEncoder.encode(ROOT, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
            Reply reply = plain.client.send(plain.client.builder("/admin/sign-in", null)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(reply.status()).isEqualTo(303);
            assertThat(reply.header("set-cookie")).startsWith("tokenlife_console=")
                    .contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure");
        }
    }

    @Test
    void theConsoleRoutesAreKeptApartFromTheJsonApisRouteList() {
        assertThat(server.app.routes()).extracting(r -> r.path()).doesNotContain("/admin", "/admin/tokens")
                .contains("/admin/login");
        assertThat(server.app.consoleRoutes()).extracting(r -> r.method() + " " + r.path())
                .contains("GET /admin", "POST /admin/tokens/revoke", "GET /admin/events", "POST /admin/sign-in");
    }
}
