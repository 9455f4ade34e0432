package io.tokenlife.bench.support;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;
import java.util.Map;

/**
 * The domain over the real adapters, wired as the service wires them (JWT adapter, persistence adapter,
 * migrations applied), without HTTP. Security events are dropped: logging is not what is measured.
 */
public final class Stack implements AutoCloseable {
    private final JwtAdapters jwt;
    private final PersistenceAdapters persistence;
    private final TokenlifeSettings settings;
    private final UseCases services;

    private Stack(JwtAdapters jwt, PersistenceAdapters persistence, TokenlifeSettings settings, UseCases services) {
        this.jwt = jwt;
        this.persistence = persistence;
        this.settings = settings;
        this.services = services;
    }

    /** Opens and migrates DATABASE_URL of {@code variables}; starts the revocation sync when asked. */
    public static Stack open(Map<String, String> variables, boolean revocationSync) {
        Clock clock = Clock.systemUTC();
        TokenlifeSettings settings = TokenlifeSettings.fromMap(variables);
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        PersistenceAdapters persistence = PersistenceAdapters.open(settings, clock);
        try {
            persistence.migrate();
            if (revocationSync) {
                persistence.startRevocationSync();
            }
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
        UseCases services = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), persistence.registry(),
                persistence.revocations(), persistence.revocationIndex(), persistence.users(), persistence.passwords(),
                new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(), event -> { }, clock),
                DomainSettings.from(settings));
        return new Stack(jwt, persistence, settings, services);
    }

    public JwtAdapters jwt() {
        return jwt;
    }

    public PersistenceAdapters persistence() {
        return persistence;
    }

    public TokenlifeSettings settings() {
        return settings;
    }

    public UseCases services() {
        return services;
    }

    @Override
    public void close() {
        persistence.close();
    }
}
