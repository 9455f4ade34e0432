package io.tokenlife.examples.embedded;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.in.RevokeTokenCommand;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding of docs/how-to/embed-domain-jar.md, run: the platform (its own persistence stack) issues
 * and revokes; the embedded {@link TokenGate} (another stack on the same database) validates from memory
 * and sees the revocation through its own revocation sync.
 */
class TokenGateIT {
    private final Map<String, String> configuration = Map.of(
            "JWT_SECRET_KEY", "embedded-example-secret-0123456789-abcdefghij",
            "DATABASE_URL", "jdbc:h2:mem:embedded-" + UUID.randomUUID());
    private final Clock clock = Clock.systemUTC();
    private PersistenceAdapters platformStore;
    private UseCases platform;
    private TokenGate gate;

    @BeforeEach
    void startPlatformAndGate() {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(configuration);
        platformStore = PersistenceAdapters.open(settings, clock);
        platformStore.migrate();
        platformStore.startRevocationSync();
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        platform = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), platformStore.registry(),
                platformStore.revocations(), platformStore.revocationIndex(), platformStore.users(),
                platformStore.passwords(), new UuidJtiGenerator(), SsoProviders.none(), ExternalTokenVerifier.none(),
                event -> { }, clock), DomainSettings.from(settings));
        gate = new TokenGate(configuration, clock);
    }

    @AfterEach
    void stop() {
        gate.close();
        platformStore.close();
    }

    @Test
    void theEmbeddedGateAcceptsPlatformTokensAndSeesTheirRevocation() throws Exception {
        IssueTokenResult.Issued issued = (IssueTokenResult.Issued) platform.issueToken()
                .issue(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN));
        String token = issued.token().compact();

        Optional<Caller> caller = gate.authenticate(token);
        assertThat(caller).map(Caller::subject).contains("alice@example.com");
        assertThat(gate.authenticate(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(gate.ready()).isTrue();

        platform.revokeToken().revoke(RevokeTokenCommand.byJti(Actor.operator("admin@example.com"), issued.token().jti(),
                Optional.empty()));

        long deadline = System.nanoTime() + 2_000_000_000L; // H2 has no NOTIFY: the catch-up (250 ms) applies it
        while (gate.authenticate(token).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gate.authenticate(token)).isEmpty();
    }

    @Test
    void aConfigurationWithErrorsFailsClosed() {
        Map<String, String> production = Map.of("ENVIRONMENT", "production", "JWT_SECRET_KEY", "short",
                "DATABASE_URL", "jdbc:h2:mem:x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenGate(production, clock))
                .hasMessageContaining("FAIL-CLOSED");
    }
}
