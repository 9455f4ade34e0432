package io.tokenlife.app.http.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.app.http.HttpApplication;
import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.app.http.logging.Slf4jSecurityEvents;
import io.tokenlife.app.http.settings.HttpSettings;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.fakes.InMemoryRefreshTokenStore;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.FakeTokenCodec;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.MutableClock;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.IssuedToken;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Expiry;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The HTTP application started on an ephemeral port over the domain's in-memory fakes (the fake codec
 * signs without cryptography), with the real SLF4J security-event adapter so logs can be inspected.
 */
public final class FixtureServer implements AutoCloseable {
    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String ADMIN = "root@example.com";

    public final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    public final InMemoryTokenStore store = new InMemoryTokenStore();
    public final FakeTokenCodec codec = new FakeTokenCodec();
    public final AtomicReference<ReadinessCheck.Readiness> readiness =
            new AtomicReference<>(new ReadinessCheck.Readiness(true, true));
    public final InMemoryUserDirectory users = new InMemoryUserDirectory();
    public final PlainPasswordHasher passwords = new PlainPasswordHasher();
    public final UseCases services;
    public final HttpApplication app;
    public final Client client;

    private FixtureServer(String[] keyValues, Function<InMemoryTokenStore, RevocationStore> revocations) {
        TokenlifeSettings settings = TestSettings.with(keyValues);
        HttpSettings http = HttpSettings.from(new ConfigSource(TestSettings.variables(keyValues)));
        // no SSO provider here: SSO runs against a real provider stand-in in SsoLoginIT
        this.services = UseCases.wire(new Ports(codec, codec, store, revocations.apply(store), store.index(), users, passwords,
                new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(), new Slf4jSecurityEvents(),
                clock).withRefreshTokens(new InMemoryRefreshTokenStore()), DomainSettings.from(settings));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpMetrics.bindJvmMetrics(metrics);
        this.app = HttpApplication.create(new HttpApplication.Dependencies(services, http,
                settings.jwt().issuer(), () -> "{\"keys\":[{\"kty\":\"oct-free\",\"kid\":\"fake\"}]}",
                readiness::get, metrics, clock)).start("127.0.0.1", 0);
        this.client = new Client("http://127.0.0.1:" + app.port());
    }

    public static FixtureServer start() {
        return new FixtureServer(new String[0], store -> store);
    }

    /** With settings overridden ("KEY", "value", ...), e.g. the login limits. */
    public static FixtureServer start(String... settings) {
        return new FixtureServer(settings, store -> store);
    }

    /** A user row as an admin would create it (the fixture's password "hash" is reversible). */
    public User addUser(String email, String password, boolean admin, boolean active) {
        User user = new User(email, null, password == null ? null : passwords.hash(password), admin, active,
                clock.instant(), clock.instant());
        users.put(user);
        return user;
    }

    /** With a revocation store of its own around the in-memory one (e.g. one that is down). */
    public static FixtureServer withRevocations(Function<InMemoryTokenStore, RevocationStore> revocations) {
        return new FixtureServer(new String[0], revocations);
    }

    public String session(String subject) {
        return issue(subject, TokenUse.SESSION, false);
    }

    public String adminSession() {
        return issue(ADMIN, TokenUse.SESSION, true);
    }

    public String issue(String subject, TokenUse use, boolean admin) {
        IssueTokenCommand command = new IssueTokenCommand(subject, TokenSource.LOGIN, use,
                use == TokenUse.API ? Expiry.after(Duration.ofDays(1)) : Expiry.byDefault(), Optional.empty(),
                admin ? Map.of(Caller.ADMIN_CLAIM, true) : Map.of(), Optional.empty(), Optional.empty());
        IssueTokenResult result = services.issueToken().issue(command);
        return ((IssueTokenResult.Issued) result).token().compact();
    }

    /** A resource server's API token with the {@code tokens:introspect} scope (RFC 7662 callers). */
    public String introspector(String subject) {
        IssueTokenCommand command = new IssueTokenCommand(subject, TokenSource.API, TokenUse.API,
                Expiry.after(Duration.ofDays(1)), Optional.of(TokenAccessPolicy.INTROSPECT_SCOPE), Map.of(),
                Optional.empty(), Optional.empty());
        return ((IssueTokenResult.Issued) services.issueToken().issue(command)).token().compact();
    }

    public IssuedToken issued(String subject) {
        IssueTokenResult result = services.issueToken().issue(IssueTokenCommand.session(subject, TokenSource.LOGIN));
        return ((IssueTokenResult.Issued) result).token();
    }

    @Override
    public void close() {
        app.stop();
    }
}
