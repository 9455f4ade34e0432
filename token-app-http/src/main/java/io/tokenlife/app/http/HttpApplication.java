package io.tokenlife.app.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.app.http.console.AdminConsole;
import io.tokenlife.app.http.console.ConsoleDependencies;
import io.tokenlife.app.http.discovery.DiscoveryEndpoints;
import io.tokenlife.app.http.identity.IdentityEndpoints;
import io.tokenlife.app.http.key.KeyEndpoints;
import io.tokenlife.app.http.oauth.OAuthEndpoints;
import io.tokenlife.app.http.ops.OpsEndpoints;
import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.app.http.settings.HttpSettings;
import io.tokenlife.app.http.token.TokenEndpoints;
import io.tokenlife.app.http.user.UserEndpoints;
import io.tokenlife.app.http.web.Authenticator;
import io.tokenlife.app.http.web.CsrfGuard;
import io.tokenlife.app.http.web.Endpoints;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.app.http.web.LoginThrottle;
import io.tokenlife.app.http.web.ProblemMapper;
import io.tokenlife.app.http.web.RequestBody;
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
 * The REST service over already-built collaborators: the web server, the authenticator, the problem mapping
 * and the metrics, and the list of features, each of which declares its own routes and their access rules
 * ({@link Endpoints}). Knows no adapter and no configuration beyond its own: the composition root (or a test)
 * hands it the use cases and the few things it needs from the outside, and each feature gets only the use
 * cases it calls.
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
        config.routes.after(RequestBody::discardUnread);

        UseCases useCases = deps.useCases();
        ValidateTokenUseCase validate = metrics.counting(useCases.validateToken());
        CsrfGuard csrf = new CsrfGuard(deps.server().publicUrl()); // one guard: the API's cookie, its login, the console
        Authenticator authenticator = new Authenticator(validate, csrf);
        config.routes.beforeMatched(authenticator::authenticate);
        // login attempts are throttled per account and per client address (in this process), the console's too
        LoginThrottle throttle = new LoginThrottle(deps.server().loginLimits(), deps.clock());
        Optional<URI> publicUrl = deps.server().publicUrl();

        List<Endpoints> features = List.of(
                new TokenEndpoints(useCases.issueToken(), useCases.listTokens(), useCases.findToken(),
                        useCases.revokeToken(), useCases.revokeAllTokens(), useCases.families(), validate, deps.clock()),
                new OAuthEndpoints(validate, useCases.revokeToken(), useCases.families()),
                new IdentityEndpoints(useCases.login(), useCases.ssoLogin(), useCases.revokeToken(),
                        useCases.refreshSession(), throttle, deps.server().secureCookies(), csrf, deps.clock()),
                new KeyEndpoints(useCases.signingKeys()),
                new UserEndpoints(useCases.manageUsers()),
                console(deps, validate, throttle, csrf),
                new DiscoveryEndpoints(deps.publicJwks(), deps.jwksMaxAge(), deps.issuer(),
                        () -> publicUrl.orElseGet(this::boundUrl)),
                new OpsEndpoints(deps.readiness(), deps.metrics()));
        features.forEach(feature -> feature.declare(config.routes));
    }

    /** The admin console (HTML): it shares the login throttle, so its sign-in form is no way around the limits. */
    private static Endpoints console(Dependencies deps, ValidateTokenUseCase validate, LoginThrottle throttle,
                                     CsrfGuard csrf) {
        UseCases useCases = deps.useCases();
        ConsoleDependencies console = new ConsoleDependencies(validate, useCases.login(), useCases.revokeToken(),
                useCases.revokeAllTokens(), useCases.listTokens(), useCases.findToken(), useCases.countTokens(),
                useCases.manageUsers(), useCases.securityEvents(), deps.findings(), deps.readiness(), throttle,
                deps.server().secureCookies(), csrf, deps.clock());
        return routes -> AdminConsole.register(routes, console);
    }
}
