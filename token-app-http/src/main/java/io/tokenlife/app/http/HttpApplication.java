package io.tokenlife.app.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.app.http.console.AdminConsole;
import io.tokenlife.app.http.console.ConsoleDependencies;
import io.tokenlife.app.http.handler.AuthHandler;
import io.tokenlife.app.http.handler.DiscoveryHandler;
import io.tokenlife.app.http.handler.FamiliesHandler;
import io.tokenlife.app.http.handler.KeysHandler;
import io.tokenlife.app.http.handler.OAuthHandler;
import io.tokenlife.app.http.handler.OpsHandler;
import io.tokenlife.app.http.handler.ReadinessCheck;
import io.tokenlife.app.http.handler.TokensHandler;
import io.tokenlife.app.http.handler.UsersHandler;
import io.tokenlife.app.http.handler.VerifyHandler;
import io.tokenlife.app.http.settings.HttpSettings;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.Credential;
import io.tokenlife.app.http.web.CsrfGuard;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.app.http.web.ProblemMapper;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Routing;
import io.tokenlife.app.http.web.SurfaceGuard;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The REST service over already-built collaborators: every route, its access rule, the problem mapping
 * and the metrics, declared here in one place. Knows no adapter and no configuration beyond its own: the
 * composition root (or a test) hands it the use cases and the few things it needs from the outside, and
 * each handler gets only the use cases it calls.
 */
public final class HttpApplication {
    /** Largest request header block: a maximal token (8 KiB) plus ordinary headers. */
    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The chunk in which Javalin copies a result to the response, allocated per response. Its default is
     * Jetty's output buffer (32 KiB): 32 KiB of garbage for a 100-byte answer, most of the allocation per
     * request and so most of the collections (bench/README.md). A token, an introspection or a JWK set fits
     * in one 2 KiB chunk, larger answers take several; Jetty still buffers the output itself.
     */
    static final int RESULT_COPY_BUFFER_BYTES = 2 * 1024;
    /**
     * Jetty remembers header lines per connection and matches later requests against them character by
     * character (a trie walk); its default caches values up to 1,024 characters, so the 700-character
     * {@code Authorization: Bearer} line of every request was walked through the trie. Values up to 256
     * characters (host, content type, user agent) are still cached; a bearer token is parsed once, which cut
     * an introspection's CPU time by about a tenth (bench/README.md, "Results of 2026-12-01, afternoon").
     */
    static final int HEADER_CACHE_CHARS = 256;

    /**
     * @param server where to listen is the root's; the public URL, cookies and login limits are read here
     * @param issuer the {@code iss} of our tokens, for the RFC 8414 metadata
     * @param publicJwks the public JWK set JSON ({@code {"keys":[...]}})
     * @param findings the startup review's findings, for the admin console
     */
    public record Dependencies(UseCases useCases, HttpSettings server, String issuer, Supplier<String> publicJwks,
                               ReadinessCheck readiness, PrometheusMeterRegistry metrics, Clock clock,
                               List<ConfigurationFinding> findings, java.time.Duration jwksMaxAge) {
        /** The JWKS cached for five minutes, as static keys allow. */
        public Dependencies(UseCases useCases, HttpSettings server, String issuer, Supplier<String> publicJwks,
                            ReadinessCheck readiness, PrometheusMeterRegistry metrics, Clock clock,
                            List<ConfigurationFinding> findings) {
            this(useCases, server, issuer, publicJwks, readiness, metrics, clock, findings, java.time.Duration.ofMinutes(5));
        }

        /** Without findings (tests): the console's overview shows none. */
        public Dependencies(UseCases useCases, HttpSettings server, String issuer, Supplier<String> publicJwks,
                            ReadinessCheck readiness, PrometheusMeterRegistry metrics, Clock clock) {
            this(useCases, server, issuer, publicJwks, readiness, metrics, clock, List.of());
        }

        public Dependencies {
            findings = List.copyOf(findings);
            Objects.requireNonNull(useCases, "useCases");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(publicJwks, "publicJwks");
            Objects.requireNonNull(readiness, "readiness");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(jwksMaxAge, "jwksMaxAge");
        }
    }

    /** A route as registered: method and path template, e.g. {@code GET /tokens/{jti}}. */
    public record Route(String method, String path) {
    }

    private final Javalin javalin;
    private volatile String boundHost = "127.0.0.1";
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    private HttpApplication(Dependencies deps) {
        this.javalin = Javalin.create(config -> configure(config, deps));
    }

    public static HttpApplication create(Dependencies deps) {
        return new HttpApplication(deps);
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public HttpApplication start(String host, int port) {
        boundHost = host;
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /**
     * The base URL of the RFC 8414 metadata when {@code PUBLIC_URL} is unset: the bound address and port, as
     * configured (a wildcard address such as {@code 0.0.0.0} says so; the startup review warns outside
     * development). Never the request's {@code Host}.
     */
    URI boundUrl() {
        String host = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
        return URI.create("http://" + host + ":" + port());
    }

    public void stop() {
        javalin.stop();
    }

    /** Every route of the JSON API, as registered (checked against openapi.json by a test). */
    public List<Route> routes() {
        return routes.stream().filter(r -> !AdminConsole.owns(r.path())).toList();
    }

    /** The admin console's HTML routes (described in docs/how-to/admin-console.md). */
    public List<Route> consoleRoutes() {
        return routes.stream().filter(r -> AdminConsole.owns(r.path())).toList();
    }

    private void configure(JavalinConfig config, Dependencies deps) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = RequestBody.MAX_BYTES;
        config.http.responseBufferSize = RESULT_COPY_BUFFER_BYTES;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setHeaderCacheSize(HEADER_CACHE_CHARS);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> {
            // on stop, refuse new requests and let those in flight finish (up to the stop timeout)
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(new SurfaceGuard()); // Javalin puts its servlet context inside the innermost wrapper
            server.setHandler(graceful);
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
        });
        config.events.handlerAdded(info -> {
            // HEAD is declared beside every GET (Routing.get) and is not a route of its own in openapi.json
            if (!info.getPath().equals("*") && info.getHttpMethod().isHttpMethod()
                    && info.getHttpMethod() != io.javalin.http.HandlerType.HEAD) {
                routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
            }
        });
        HttpMetrics metrics = new HttpMetrics(deps.metrics());
        config.requestLogger.http(metrics::recordRequest);
        ProblemMapper.install(config);

        UseCases useCases = deps.useCases();
        ValidateTokenUseCase validate = metrics.counting(useCases.validateToken());
        CsrfGuard csrf = new CsrfGuard(deps.server().publicUrl()); // one guard: the API's cookie, its login, the console
        Authenticator authenticator = new Authenticator(validate, csrf);
        config.routes.beforeMatched(authenticator::authenticate);

        declareTokenRoutes(config.routes, useCases, deps.clock());
        declareOAuthRoutes(config.routes, useCases, validate);
        LoginThrottle throttle = new LoginThrottle(deps.server().loginLimits(), deps.clock());
        declareIdentityRoutes(config.routes, deps, throttle, csrf);
        declareConsoleRoutes(config.routes, deps, validate, throttle, csrf);
        declarePublicRoutes(config.routes, deps, this::boundUrl);
    }

    private static void declareTokenRoutes(RoutesConfig routes, UseCases useCases, Clock clock) {
        TokensHandler tokens = new TokensHandler(useCases.issueToken(), useCases.listTokens(), useCases.findToken(),
                useCases.revokeToken(), useCases.revokeAllTokens(), useCases.families(), clock);
        routes.post("/tokens", tokens::create, Access.SESSION);
        Routing.get(routes, "/tokens", tokens::list, Access.BEARER);
        Routing.get(routes, "/tokens/{jti}", tokens::get, Access.BEARER);
        routes.delete("/tokens/{jti}", tokens::delete, Access.SESSION);
        routes.post("/subjects/{subject}/revoke-all", tokens::revokeAll, Access.ADMIN);
        FamiliesHandler families = new FamiliesHandler(useCases.families(), clock);
        routes.get("/families/{id}", families::get, Access.SESSION);
        routes.delete("/families/{id}", families::delete, Access.SESSION);
    }

    private static void declareOAuthRoutes(RoutesConfig routes, UseCases useCases, ValidateTokenUseCase validate) {
        OAuthHandler oauth = new OAuthHandler(validate, useCases.revokeToken(), useCases.families());
        // form routes: a cross-site HTML form could post them with the browser's cookie, so only the header counts
        routes.post("/oauth2/revoke", oauth::revoke, Access.BEARER, Credential.HEADER_ONLY);
        routes.post("/oauth2/introspect", oauth::introspect, Access.BEARER, Credential.HEADER_ONLY);
        routes.post("/tokens/verify", new VerifyHandler(validate)::verify, Access.ADMIN);
    }

    /**
     * Users, the three ways to log in, and logout. Login attempts are throttled per account and per client
     * address (in this process); the admin-UI login sets the {@code jwt_token} cookie that
     * {@link Authenticator} accepts on later requests.
     */
    private static void declareIdentityRoutes(RoutesConfig routes, Dependencies deps, LoginThrottle throttle,
                                              CsrfGuard csrf) {
        UseCases useCases = deps.useCases();
        HttpSettings server = deps.server();
        AuthHandler auth = new AuthHandler(useCases.login(), useCases.ssoLogin(), useCases.revokeToken(),
                useCases.refreshSession(), throttle, server.secureCookies(), csrf, deps.clock());
        routes.post("/auth/login", auth::login, Access.ANYONE);
        routes.post("/auth/refresh", auth::refresh, Access.ANYONE);
        routes.post("/auth/logout", auth::logout, Access.BEARER);
        routes.post("/auth/sso/{provider}", auth::sso, Access.ANYONE);
        routes.post("/admin/login", auth::adminLogin, Access.ANYONE);
        UsersHandler users = new UsersHandler(useCases.manageUsers());
        KeysHandler keys = new KeysHandler(useCases.signingKeys());
        Routing.get(routes, "/keys", keys::list, Access.ADMIN);
        routes.post("/keys/rotate", keys::rotate, Access.ADMIN);
        routes.post("/keys/{kid}/retire", keys::retire, Access.ADMIN);
        routes.post("/keys/{kid}/revoke", keys::revoke, Access.ADMIN);
        Routing.get(routes, "/users", users::list, Access.ADMIN);
        routes.post("/users", users::create, Access.ADMIN);
        routes.patch("/users/{email}", users::update, Access.ADMIN);
    }

    /** The admin console; it shares the login throttle, so its sign-in form is no way around the limits. */
    private static void declareConsoleRoutes(RoutesConfig routes, Dependencies deps, ValidateTokenUseCase validate,
                                             LoginThrottle throttle, CsrfGuard csrf) {
        UseCases useCases = deps.useCases();
        AdminConsole.register(routes, new ConsoleDependencies(validate, useCases.login(), useCases.revokeToken(),
                useCases.revokeAllTokens(), useCases.listTokens(), useCases.findToken(), useCases.countTokens(),
                useCases.manageUsers(), useCases.securityEvents(), deps.findings(), deps.readiness(), throttle,
                deps.server().secureCookies(), csrf, deps.clock()));
    }

    private static void declarePublicRoutes(RoutesConfig routes, Dependencies deps, Supplier<URI> boundUrl) {
        Optional<URI> publicUrl = deps.server().publicUrl();
        DiscoveryHandler discovery = new DiscoveryHandler(deps.publicJwks(), deps.jwksMaxAge(), deps.issuer(),
                () -> publicUrl.orElseGet(boundUrl));
        OpsHandler ops = new OpsHandler(deps.readiness(), deps.metrics());
        Routing.get(routes, "/.well-known/jwks.json", discovery::jwks, Access.ANYONE);
        Routing.get(routes, "/.well-known/oauth-authorization-server", discovery::metadata, Access.ANYONE);
        Routing.get(routes, "/openapi.json", discovery::openApi, Access.ANYONE);
        Routing.get(routes, "/health", ops::health, Access.ANYONE);
        Routing.get(routes, "/ready", ops::ready, Access.ANYONE);
        Routing.get(routes, "/metrics", ops::metrics, Access.ANYONE);
    }
}
