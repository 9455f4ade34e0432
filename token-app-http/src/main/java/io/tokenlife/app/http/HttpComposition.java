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
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.ConfigurationReview;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.SsoLoginUseCase;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.StoreUnavailableException;
import io.tokenlife.domain.service.TokenServices;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of the HTTP service: settings, startup review, SSO providers, persistence (migrated,
 * revocation sync started), keys, domain services, the purge job and the HTTP application, in that order.
 */
public final class HttpComposition {
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpComposition.class);

    private HttpComposition() {
    }

    /** Starts the service; an unusable configuration is a {@link StartupRefusedException} naming each problem. */
    public static TokenlifeServer start(Map<String, String> variables, Clock clock) {
        TokenlifeSettings settings = settings(variables);
        LogConfigurator.apply(settings.server().logFormat());
        SecurityEvents log = new Slf4jSecurityEvents();
        List<ConfigurationFinding> findings = review(settings, log);
        SsoAdapters sso = sso(settings);

        PersistenceAdapters persistence = openPersistence(settings, clock);
        try {
            JwtAdapters jwt = keys(settings, clock);
            // every event to the log and, for the admin console, to the replicas' shared event log
            SecurityEvents events = SecurityEvents.fanOut(log, persistence.securityEventSink());
            TokenServices services = new TokenServices(settings, new TokenServices.Ports(jwt.signer(), jwt.verifier(),
                    persistence.registry(), persistence.revocations(), persistence.revocationIndex(),
                    persistence.users(), persistence.passwords(), new UuidJtiGenerator(), events, clock));
            ManageUsersUseCase users = services.manageUsers(persistence.users());
            SsoLoginUseCase ssoLogin = services.ssoLogin(sso.providers(), sso.verifier(), persistence.users());
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            HttpMetrics.bindJvmMetrics(metrics);
            ScheduledExecutorService jobs = schedulePurge(services.purgeExpired());
            ReadinessCheck readiness = () -> new ReadinessCheck.Readiness(persistence.isReachable(),
                    persistence.revocationIndex().inSync());
            HttpApplication app = HttpApplication.create(new HttpApplication.Dependencies(services,
                    jwt::publicJwkSetJson, readiness, metrics, settings.server().publicUrl(), clock, users, ssoLogin,
                    services.securityEvents(persistence.securityEventLog()), findings));
            try {
                app.start(settings.server().host(), settings.server().port());
            } catch (RuntimeException e) {
                jobs.shutdownNow();
                throw new StartupRefusedException(List.of("cannot listen on " + settings.server().host() + ":"
                        + settings.server().port() + " (HOST, PORT): " + e.getMessage()));
            }
            LOG.info("tokenlife listening on http://{}:{} environment={} algorithm={} database={}",
                    settings.server().host(), app.port(), settings.environment().wireName(),
                    settings.jwt().algorithm(), settings.database().redactedUrl());
            return new TokenlifeServer(app, services, jobs, persistence);
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
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

    private static PersistenceAdapters openPersistence(TokenlifeSettings settings, Clock clock) {
        PersistenceAdapters persistence;
        try {
            persistence = PersistenceAdapters.open(settings, clock);
        } catch (StoreUnavailableException e) {
            throw new StartupRefusedException(List.of("the database " + settings.database().redactedUrl()
                    + " (DATABASE_URL) is unreachable: " + e.getMessage()));
        }
        try {
            int applied = persistence.migrate();
            LOG.info("database {} migrated ({} migrations applied)", settings.database().redactedUrl(), applied);
            persistence.startRevocationSync();
            return persistence;
        } catch (RuntimeException e) {
            persistence.close();
            if (e instanceof StoreUnavailableException) {
                throw new StartupRefusedException(List.of("the database " + settings.database().redactedUrl()
                        + " (DATABASE_URL) is unreachable: " + e.getMessage()));
            }
            throw e;
        }
    }

    private static JwtAdapters keys(TokenlifeSettings settings, Clock clock) {
        try {
            return JwtAdapters.create(settings, clock);
        } catch (JwtAdapters.KeyLoadException e) {
            throw new StartupRefusedException(List.of(e.getMessage()));
        }
    }

    private static ScheduledExecutorService schedulePurge(PurgeExpiredUseCase purge) {
        ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tokenlife-purge");
            t.setDaemon(true);
            return t;
        });
        long every = PURGE_INTERVAL.toSeconds();
        jobs.scheduleWithFixedDelay(() -> {
            try {
                PurgeExpiredUseCase.PurgeResult result = purge.purge();
                if (result.registryRows() + result.revocations() > 0) {
                    LOG.info("purged {} expired registry rows and {} expired revocations",
                            result.registryRows(), result.revocations());
                }
            } catch (RuntimeException e) {
                LOG.warn("purge of expired tokens failed, retrying in {} s: {}", every, e.toString());
            }
        }, every, every, TimeUnit.SECONDS);
        return jobs;
    }
}
