package io.tokenlife.app.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.jwt.SsoAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.app.http.logging.LogConfigurator;
import io.tokenlife.app.http.logging.Slf4jSecurityEvents;
import io.tokenlife.app.http.settings.HttpSettings;
import io.tokenlife.app.http.settings.ServiceConfiguration;
import io.tokenlife.app.http.web.HttpMetrics;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.InvalidSettingsException;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root of the HTTP service, and the running service it returns: settings, startup
 * review, SSO providers, persistence (migrated, revocation sync started), keys, the use cases, the purge
 * job and the HTTP application, in that order. {@link #close()} stops them in reverse.
 */
public final class HttpComposition implements AutoCloseable {
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    /** Managed keys: how often the schedule runs and the ring is reloaded (publish-ahead is at least 5 minutes). */
    static final Duration KEY_SCHEDULE_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(HttpComposition.class);

    private final PersistenceAdapters persistence;
    private final UseCases useCases;
    private final PurgeJob purge;
    private final Optional<KeyScheduleJob> keySchedule;
    private final HttpApplication app;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpComposition(TokenlifeSettings settings, HttpSettings http, Clock clock, SecurityEvents log,
                            SsoAdapters sso, PersistenceAdapters persistence, List<ConfigurationFinding> findings) {
        this.persistence = persistence;
        JwtAdapters jwt = keys(settings, clock);
        // every event to the log and, for the admin console, to the replicas' shared event log
        SecurityEvents events = SecurityEvents.fanOut(log, persistence.securityEventSink());
        this.useCases = UseCases.wire(ports(jwt, sso, persistence, events, clock),
                DomainSettings.from(settings));
        this.keySchedule = settings.keys().isManaged() ? Optional.of(startKeySchedule(jwt, useCases)) : Optional.empty();
        // another replica's key change (a notification, or the catch-up) reloads the ring on the job's thread
        keySchedule.ifPresent(job -> persistence.onSigningKeyChange(job::reloadSoon));
        this.purge = new PurgeJob(useCases.purgeExpired(), PURGE_INTERVAL);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpMetrics.bindJvmMetrics(metrics);
        ReadinessCheck readiness = () -> new ReadinessCheck.Readiness(persistence.isReachable(),
                persistence.revocationIndex().inSync(), keySchedule.flatMap(KeyScheduleJob::waiting));
        this.app = HttpApplication.create(new HttpApplication.Dependencies(useCases, http,
                settings.jwt().issuer(), jwt::publicJwkSetJson, readiness, metrics, clock, findings, jwt.jwksMaxAge()));
    }

    /** Starts the service; an unusable configuration is a {@link StartupRefusedException} naming each problem. */
    public static HttpComposition start(Map<String, String> variables, Clock clock) {
        ServiceConfiguration configuration = configuration(variables);
        TokenlifeSettings settings = configuration.domain();
        HttpSettings http = configuration.http();
        LogConfigurator.apply(http.logFormat());
        SecurityEvents log = new Slf4jSecurityEvents(http.logFormat());
        List<ConfigurationFinding> findings = review(configuration, log);
        SsoAdapters sso = sso(http, settings);
        FreePort.require(http.host(), http.port()); // a busy port must refuse before the database is touched
        PersistenceAdapters persistence = openPersistence(settings, clock);
        HttpComposition composition;
        try {
            composition = new HttpComposition(settings, http, clock, log, sso, persistence, findings);
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
        composition.listen(settings, http);
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
        keySchedule.ifPresent(KeyScheduleJob::close);
        purge.close();
        persistence.close();
        LOG.info("tokenlife stopped");
    }

    private void listen(TokenlifeSettings settings, HttpSettings http) {
        try {
            app.start(http.host(), http.port());
        } catch (RuntimeException e) {
            close();
            throw FreePort.refusal(http.host(), http.port(), e);
        }
        LOG.info("tokenlife listening on http://{}:{} environment={} algorithm={} database={}",
                http.host(), app.port(), settings.environment().wireName(),
                settings.jwt().algorithm(), settings.database().redactedUrl());
    }

    private static Ports ports(JwtAdapters jwt, SsoAdapters sso, PersistenceAdapters db, SecurityEvents events,
                               Clock clock) {
        Ports ports = new Ports(jwt.signer(), jwt.verifier(), db.registry(), db.revocations(), db.revocationIndex(),
                db.users(), db.passwords(), new UuidJtiGenerator(), sso.providers(), sso.verifier(), events,
                db.securityEventLog(), clock).withRefreshTokens(db.refreshTokens());
        return jwt.managedMaterials().map(materials -> ports.withKeys(KeyPorts.managed(db.signingKeys(), materials,
                jwt.managedRing().orElseThrow()))).orElse(ports);
    }


    /** The first run makes or loads the managed keys before the service listens; a key that cannot be opened refuses. */
    private static KeyScheduleJob startKeySchedule(JwtAdapters jwt, UseCases useCases) {
        try {
            RunKeyScheduleUseCase.Report first = useCases.keySchedule().run();
            if (!jwt.canSign()) {
                throw new StartupRefusedException(List.of("KEY_MANAGEMENT=managed: no signing key could be made or "
                        + "loaded" + first.waiting().map(w -> ": " + w).orElse("")));
            }
        } catch (JwtAdapters.KeyLoadException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
        LOG.info("managed signing keys: signing with kid {}", jwt.currentKeyId());
        return new KeyScheduleJob(useCases.keySchedule(), KEY_SCHEDULE_INTERVAL);
    }

    private static ServiceConfiguration configuration(Map<String, String> variables) {
        try {
            return ServiceConfiguration.from(new ConfigSource(variables));
        } catch (InvalidSettingsException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
    }

    /**
     * Warnings are logged once as {@code security_event=config_warning}; any error refuses to start. In
     * development one more line says how production would judge the same configuration.
     */
    private static List<ConfigurationFinding> review(ServiceConfiguration configuration, SecurityEvents events) {
        List<ConfigurationFinding> findings = configuration.review();
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
        configuration.developmentAdvice().ifPresent(LOG::info);
        return findings;
    }

    /** The trusted SSO providers; an unreadable or invalid {@code SSO_PROVIDERS_FILE} refuses to start. */
    private static SsoAdapters sso(HttpSettings http, TokenlifeSettings settings) {
        try {
            return SsoAdapters.load(http.ssoProvidersFile(), settings.validation().leeway());
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
