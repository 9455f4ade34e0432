package io.tokenlife.bench.support;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.service.TokenServices;
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
    private final TokenServices services;

    private Stack(JwtAdapters jwt, PersistenceAdapters persistence, TokenServices services) {
        this.jwt = jwt;
        this.persistence = persistence;
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
        TokenServices services = new TokenServices(settings, new TokenServices.Ports(jwt.signer(), jwt.verifier(),
                persistence.registry(), persistence.revocations(), persistence.revocationIndex(), persistence.users(),
                persistence.passwords(), new UuidJtiGenerator(), event -> { }, clock));
        return new Stack(jwt, persistence, services);
    }

    public JwtAdapters jwt() {
        return jwt;
    }

    public PersistenceAdapters persistence() {
        return persistence;
    }

    public TokenServices services() {
        return services;
    }

    @Override
    public void close() {
        persistence.close();
    }
}
