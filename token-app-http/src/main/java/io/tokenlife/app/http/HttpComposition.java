package io.tokenlife.app.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.SsoAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.http.handler.ReadinessCheck;
import io.tokenlife.app.http.logging.LogConfigurator;
import io.tokenlife.app.http.logging.Slf4jSecurityEvents;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.ConfigurationReview;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.InvalidSettingsException;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root of the HTTP service, and the running service it returns: settings, startup
 * review, SSO providers, persistence (migrated, revocation sync started), keys, the use cases, the purge
 * job and the HTTP application, in that order. {@link #close()} stops them in reverse.
 */
public final class HttpComposition implements AutoCloseable {
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpComposition.class);

    private final PersistenceAdapters persistence;
    private final UseCases useCases;
    private final PurgeJob purge;
    private final HttpApplication app;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpComposition(TokenlifeSettings settings, Clock clock, SecurityEvents log, SsoAdapters sso,
                            PersistenceAdapters persistence, List<ConfigurationFinding> findings) {
        this.persistence = persistence;
        JwtAdapters jwt = keys(settings, clock);
        // every event to the log and, for the admin console, to the replicas' shared event log
        SecurityEvents events = SecurityEvents.fanOut(log, persistence.securityEventSink());
        this.useCases = UseCases.wire(ports(jwt, sso, persistence, events, clock),
                DomainSettings.from(settings));
        this.purge = new PurgeJob(useCases.purgeExpired(), PURGE_INTERVAL);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpMetrics.bindJvmMetrics(metrics);
        ReadinessCheck readiness = () -> new ReadinessCheck.Readiness(persistence.isReachable(),
                persistence.revocationIndex().inSync());
        this.app = HttpApplication.create(new HttpApplication.Dependencies(useCases, settings.server(),
                settings.jwt().issuer(), jwt::publicJwkSetJson, readiness, metrics, clock, findings));
    }

    /** Starts the service; an unusable configuration is a {@link StartupRefusedException} naming each problem. */
    public static HttpComposition start(Map<String, String> variables, Clock clock) {
        TokenlifeSettings settings = settings(variables);
        LogConfigurator.apply(settings.server().logFormat());
        SecurityEvents log = new Slf4jSecurityEvents();
        List<ConfigurationFinding> findings = review(settings, log);
        SsoAdapters sso = sso(settings);
        PersistenceAdapters persistence = openPersistence(settings, clock);
        HttpComposition composition;
        try {
            composition = new HttpComposition(settings, clock, log, sso, persistence, findings);
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
        composition.listen(settings);
        return composition;
    }

    public int port() {
        return app.port();
    }

    public HttpApplication application() {
        return app;
    }

    /** The use cases this server runs on (for embedding and tests, e.g. to issue a session token). */
    public UseCases useCases() {
        return useCases;
    }

    /** Idempotent graceful stop: HTTP first (requests in flight finish), then the purge job, then the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("tokenlife stopping");
        app.stop();
        purge.close();
        persistence.close();
        LOG.info("tokenlife stopped");
    }

    private void listen(TokenlifeSettings settings) {
        try {
            app.start(settings.server().host(), settings.server().port());
        } catch (RuntimeException e) {
            close();
            throw new StartupRefusedException(List.of("cannot listen on " + settings.server().host() + ":"
                    + settings.server().port() + " (HOST, PORT): " + e.getMessage()));
        }
        LOG.info("tokenlife listening on http://{}:{} environment={} algorithm={} database={}",
                settings.server().host(), app.port(), settings.environment().wireName(),
                settings.jwt().algorithm(), settings.database().redactedUrl());
    }

    private static Ports ports(JwtAdapters jwt, SsoAdapters sso, PersistenceAdapters db, SecurityEvents events,
                               Clock clock) {
        return new Ports(jwt.signer(), jwt.verifier(), db.registry(), db.revocations(), db.revocationIndex(),
                db.users(), db.passwords(), new UuidJtiGenerator(), sso.providers(), sso.verifier(), events,
                db.securityEventLog(), clock);
    }

    private static TokenlifeSettings settings(Map<String, String> variables) {
        try {
            return TokenlifeSettings.fromMap(variables);
        } catch (InvalidSettingsException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
    }

    /** Warnings are logged once as {@code security_event=config_warning}; any error refuses to start. */
    private static List<ConfigurationFinding> review(TokenlifeSettings settings, SecurityEvents events) {
        List<ConfigurationFinding> findings = ConfigurationReview.review(settings);
        for (ConfigurationFinding finding : findings) {
            if (!finding.isError()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("code", finding.code());
                fields.put("variables", String.join(",", finding.variables()));
                events.emit(SecurityEvent.warn(SecurityEventType.CONFIG_WARNING, finding.message(), fields));
            }
        }
        List<String> errors = findings.stream().filter(ConfigurationFinding::isError)
                .map(f -> f.message() + " [" + f.code() + "]").toList();
        if (!errors.isEmpty()) {
            throw new StartupRefusedException(errors);
        }
        return findings;
    }

    /** The trusted SSO providers; an unreadable or invalid {@code SSO_PROVIDERS_FILE} refuses to start. */
    private static SsoAdapters sso(TokenlifeSettings settings) {
        try {
            return SsoAdapters.load(settings.server().ssoProvidersFile(), settings.validation().leeway());
        } catch (InvalidSettingsException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
    }

    /** Opened, migrated and with the live revocations loaded; an unreachable database refuses to start. */
    private static PersistenceAdapters openPersistence(TokenlifeSettings settings, Clock clock) {
        PersistenceAdapters persistence;
        try {
            persistence = PersistenceAdapters.open(settings, clock);
        } catch (StoreUnavailableException e) {
            throw unreachable(settings, e);
        }
        try {
            int applied = persistence.migrate();
            LOG.info("database {} migrated ({} migrations applied)", settings.database().redactedUrl(), applied);
            persistence.startRevocationSync();
            return persistence;
        } catch (RuntimeException e) {
            persistence.close();
            throw e instanceof StoreUnavailableException unavailable ? unreachable(settings, unavailable) : e;
        }
    }

    private static StartupRefusedException unreachable(TokenlifeSettings settings, StoreUnavailableException e) {
        return new StartupRefusedException(List.of("the database " + settings.database().redactedUrl()
                + " (DATABASE_URL) is unreachable: " + e.getMessage()));
    }

    private static JwtAdapters keys(TokenlifeSettings settings, Clock clock) {
        try {
            return JwtAdapters.create(settings, clock);
        } catch (JwtAdapters.KeyLoadException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
    }
}
