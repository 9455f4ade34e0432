package io.tokenlife.examples.embedded;

import io.tokenlife.adapters.jwt.JwksVerifier;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.ConfigurationReview;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Validates bearer tokens of the tokenlife platform inside this service: sharing its database
 * ({@link #TokenGate(Map, Clock)}), or with the keys of its JWKS and no database ({@link #fromJwks}).
 */
public final class TokenGate implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TokenGate.class);

    private final Optional<PersistenceAdapters> persistence;
    private final ValidateTokenUseCase validate;
    private final BooleanSupplier ready;

    public TokenGate(Map<String, String> configuration, Clock clock) {
        TokenlifeSettings settings = reviewed(configuration, Set.of());
        JwtAdapters jwt = JwtAdapters.create(settings, clock);          // keys, verifier, cache
        PersistenceAdapters persistence = PersistenceAdapters.open(settings, clock); // does not migrate
        persistence.startRevocationSync();                              // revocations into memory

        SecurityEvents events = event -> log.info("security_event={} {} {}",
                event.type(), event.message(), event.fields());        // fields never hold a token
        Ports ports = new Ports(jwt.signer(), jwt.verifier(), persistence.registry(),
                persistence.revocations(), persistence.revocationIndex(), persistence.users(), persistence.passwords(),
                new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(), events, clock);
        UseCases useCases = UseCases.wire(jwt.managedMaterials()           // KEY_MANAGEMENT=managed: keys from the database
                .map(m -> ports.withKeys(KeyPorts.managed(persistence.signingKeys(), m, jwt.managedRing().orElseThrow())))
                .orElse(ports), DomainSettings.from(settings));
        if (settings.keys().isManaged()) {
            useCases.keySchedule().reload();                            // the platform's keys, never rotated here
            persistence.onSigningKeyChange(useCases.keySchedule()::reload); // follows every rotation and key revocation
        }
        validate = useCases.validateToken();                           // the platform's policy, steps 1-9
        this.persistence = Optional.of(persistence);
        this.ready = () -> persistence.revocationIndex().inSync();
    }

    private TokenGate(ValidateTokenUseCase validate, BooleanSupplier ready) {
        this.persistence = Optional.empty();
        this.validate = validate;
        this.ready = ready;
    }

    /**
     * No database: the keys come from the service's JWKS ({@code https://tokens.example.com/.well-known/jwks.json}),
     * refetched when a token names an unknown {@code kid} (at most once per 30 s) or the JWKS {@code max-age}
     * ends, so a rotation needs no restart. Asymmetric {@code JWT_ALGORITHM} only. The policy (issuer, audience,
     * expiry, leeway) is the platform's; revocations of single tokens are not seen without the database (a
     * revoked key is, once it leaves the JWKS).
     */
    public static TokenGate fromJwks(URI jwksUrl, Map<String, String> configuration, Clock clock) {
        TokenlifeSettings settings = reviewed(configuration, LOCAL_KEY_FINDINGS); // no local key is needed
        JwksVerifier keys = JwtAdapters.jwksVerifier(jwksUrl, settings.jwt().algorithm()) // HS* is refused here
                .verifiedTokenCacheSize(settings.validation().verifiedTokenCacheSize())
                .clock(clock)
                .build();
        SecurityEvents events = event -> log.info("security_event={} {} {}", event.type(), event.message(), event.fields());
        TokenSigner validateOnly = claims -> {
            throw new UnsupportedOperationException("a JWKS gate validates tokens, it cannot issue them");
        };
        UseCases useCases = UseCases.wire(Ports.offline(validateOnly, keys, new UuidJtiGenerator(), events, clock),
                DomainSettings.from(settings));
        return new TokenGate(useCases.validateToken(), keys::hasKeys);
    }

    /** The review's findings about the key files of an asymmetric algorithm: a JWKS gate reads no key file. */
    private static final Set<String> LOCAL_KEY_FINDINGS = Set.of("key_paths_missing", "key_pair_generated");

    /** Bad values throw InvalidSettingsException naming the variable; review errors fail closed. */
    private static TokenlifeSettings reviewed(Map<String, String> configuration, Set<String> notApplicable) {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(configuration);
        List<ConfigurationFinding> findings = ConfigurationReview.review(settings).stream()
                .filter(f -> !notApplicable.contains(f.code())).toList();
        findings.forEach(f -> log.warn("security_event=config_warning code={} {}", f.code(), f.message()));
        if (ConfigurationReview.hasErrors(findings)) {
            throw new IllegalStateException("FAIL-CLOSED: the token configuration has errors, see the log");
        }
        return settings;
    }

    /** The caller behind a bearer token, or empty with the reason logged. */
    public Optional<Caller> authenticate(String bearerToken) {
        ValidationResult result = validate.validate(bearerToken);
        if (result instanceof ValidationResult.Valid valid) {
            return Optional.of(Caller.of(valid));                      // subject, jti, admin (is_admin claim)
        }
        ValidationResult.Rejected rejected = (ValidationResult.Rejected) result;
        log.debug("token rejected: {} ({})", rejected.code().wireName(), rejected.detail());
        return Optional.empty();
    }

    /** For a readiness probe: false while the revocations may be behind the database, or no JWKS was fetched yet. */
    public boolean ready() {
        return ready.getAsBoolean();
    }

    @Override
    public void close() {
        persistence.ifPresent(PersistenceAdapters::close);
    }
}
