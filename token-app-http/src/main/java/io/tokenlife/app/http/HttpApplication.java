package io.tokenlife.app.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.app.http.console.AdminConsole;
import io.tokenlife.app.http.console.ConsoleDependencies;
import io.tokenlife.app.http.handler.AuthHandler;
import io.tokenlife.app.http.handler.DiscoveryHandler;
import io.tokenlife.app.http.handler.OAuthHandler;
import io.tokenlife.app.http.handler.OpsHandler;
import io.tokenlife.app.http.handler.ReadinessCheck;
import io.tokenlife.app.http.handler.TokensHandler;
import io.tokenlife.app.http.handler.UsersHandler;
import io.tokenlife.app.http.handler.VerifyHandler;
import io.tokenlife.app.http.web.Access;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.app.http.web.ProblemMapper;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.domain.model.SecurityEventPage;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.port.in.ListSecurityEventsUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.service.TokenServices;
import io.tokenlife.domain.settings.ServerSettings;
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
 * and the metrics, declared here in one place. Knows no adapter: the composition root (or a test) hands
 * it the domain services and the few things it needs from the outside.
 */
public final class HttpApplication {
    /** Largest request header block: a maximal token (8 KiB) plus ordinary headers. */
    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param publicJwks the public JWK set JSON ({@code {"keys":[...]}})
     * @param publicUrl the externally visible base URL for RFC 8414 metadata; empty: the request's own
     * @param users user administration over the store the composition root chose
     * @param sso the SSO exchange over the trusted providers the composition root loaded
     * @param securityEvents the recent security events, for the admin console
     * @param findings the startup review's findings, for the admin console
     */
    public record Dependencies(TokenServices services, Supplier<String> publicJwks, ReadinessCheck readiness,
                               PrometheusMeterRegistry metrics, Optional<URI> publicUrl, Clock clock,
                               ManageUsersUseCase users, SsoLoginUseCase sso, ListSecurityEventsUseCase securityEvents,
                               List<ConfigurationFinding> findings) {
        /** With an empty event log and no findings (tests): the console shows none. */
        public Dependencies(TokenServices services, Supplier<String> publicJwks, ReadinessCheck readiness,
                            PrometheusMeterRegistry metrics, Optional<URI> publicUrl, Clock clock,
                            ManageUsersUseCase users, SsoLoginUseCase sso) {
            this(services, publicJwks, readiness, metrics, publicUrl, clock, users, sso,
                    services.securityEvents(query -> new SecurityEventPage(List.of(), Optional.empty(), false)),
                    List.of());
        }

        public Dependencies {
            Objects.requireNonNull(securityEvents, "securityEvents");
            findings = List.copyOf(findings);
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sso, "sso");
            Objects.requireNonNull(publicJwks, "publicJwks");
            Objects.requireNonNull(readiness, "readiness");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** A route as registered: method and path template, e.g. {@code GET /tokens/{jti}}. */
    public record Route(String method, String path) {
    }

    private final Javalin javalin;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    private HttpApplication(Dependencies deps) {
        this.javalin = Javalin.create(config -> configure(config, deps));
    }

    public static HttpApplication create(Dependencies deps) {
        return new HttpApplication(deps);
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public HttpApplication start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
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
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> {
            // on stop, refuse new requests and let those in flight finish (up to the stop timeout)
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
        });
        config.events.handlerAdded(info -> {
            if (!info.getPath().equals("*") && info.getHttpMethod().isHttpMethod()) {
                routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
            }
        });
        HttpMetrics metrics = new HttpMetrics(deps.metrics());
        config.requestLogger.http(metrics::recordRequest);
        ProblemMapper.install(config);

        TokenServices services = deps.services();
        ValidateTokenUseCase validate = metrics.counting(services.validateToken());
        Authenticator authenticator = new Authenticator(validate);
        config.routes.beforeMatched(authenticator::authenticate);

        declareTokenRoutes(config.routes, services, deps.clock());
        declareOAuthRoutes(config.routes, services, validate);
        LoginThrottle throttle = new LoginThrottle(services.settings().server().loginLimits(), deps.clock());
        declareIdentityRoutes(config.routes, deps, throttle);
        declareConsoleRoutes(config.routes, deps, validate, throttle);
        declarePublicRoutes(config.routes, deps, services.settings().jwt().issuer());
    }

    private static void declareTokenRoutes(RoutesConfig routes, TokenServices services, Clock clock) {
        TokensHandler tokens = new TokensHandler(services.issueToken(), services.listTokens(), services.findToken(),
                services.revokeToken(), services.revokeAllTokens(), clock);
        routes.post("/tokens", tokens::create, Access.SESSION);
        routes.get("/tokens", tokens::list, Access.BEARER);
        routes.get("/tokens/{jti}", tokens::get, Access.BEARER);
        routes.delete("/tokens/{jti}", tokens::delete, Access.SESSION);
        routes.post("/subjects/{subject}/revoke-all", tokens::revokeAll, Access.ADMIN);
    }

    private static void declareOAuthRoutes(RoutesConfig routes, TokenServices services, ValidateTokenUseCase validate) {
        OAuthHandler oauth = new OAuthHandler(validate, services.revokeToken());
        routes.post("/oauth2/revoke", oauth::revoke, Access.BEARER);
        routes.post("/oauth2/introspect", oauth::introspect, Access.BEARER);
        routes.post("/tokens/verify", new VerifyHandler(validate)::verify, Access.ADMIN);
    }

    /**
     * Users, the three ways to log in, and logout. Login attempts are throttled per account and per client
     * address (in this process); the admin-UI login sets the {@code jwt_token} cookie that
     * {@link Authenticator} accepts on later requests.
     */
    private static void declareIdentityRoutes(RoutesConfig routes, Dependencies deps, LoginThrottle throttle) {
        TokenServices services = deps.services();
        ServerSettings server = services.settings().server();
        AuthHandler auth = new AuthHandler(services.login(), deps.sso(), services.revokeToken(), throttle,
                server.secureCookies(), deps.clock());
        routes.post("/auth/login", auth::login, Access.ANYONE);
        routes.post("/auth/logout", auth::logout, Access.BEARER);
        routes.post("/auth/sso/{provider}", auth::sso, Access.ANYONE);
        routes.post("/admin/login", auth::adminLogin, Access.ANYONE);
        UsersHandler users = new UsersHandler(deps.users());
        routes.get("/users", users::list, Access.ADMIN);
        routes.post("/users", users::create, Access.ADMIN);
        routes.patch("/users/{email}", users::update, Access.ADMIN);
    }

    /** The admin console; it shares the login throttle, so its sign-in form is no way around the limits. */
    private static void declareConsoleRoutes(RoutesConfig routes, Dependencies deps, ValidateTokenUseCase validate,
                                             LoginThrottle throttle) {
        TokenServices services = deps.services();
        AdminConsole.register(routes, new ConsoleDependencies(validate, services.login(), services.revokeToken(),
                services.revokeAllTokens(), services.listTokens(), services.findToken(), services.countTokens(),
                deps.users(), deps.securityEvents(), deps.findings(), deps.readiness(), throttle,
                services.settings().server().secureCookies(), deps.clock()));
    }

    private static void declarePublicRoutes(RoutesConfig routes, Dependencies deps, String issuer) {
        DiscoveryHandler discovery = new DiscoveryHandler(deps.publicJwks(), issuer, deps.publicUrl());
        OpsHandler ops = new OpsHandler(deps.readiness(), deps.metrics());
        routes.get("/.well-known/jwks.json", discovery::jwks, Access.ANYONE);
        routes.get("/.well-known/oauth-authorization-server", discovery::metadata, Access.ANYONE);
        routes.get("/openapi.json", discovery::openApi, Access.ANYONE);
        routes.get("/health", ops::health, Access.ANYONE);
        routes.get("/ready", ops::ready, Access.ANYONE);
        routes.get("/metrics", ops::metrics, Access.ANYONE);
    }
}
