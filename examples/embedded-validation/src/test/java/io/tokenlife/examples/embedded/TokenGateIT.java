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
    void withManagedKeysTheGateValidatesAcrossARotationAndRefusesARevokedKeyWithoutRestart() throws Exception {
        Map<String, String> managed = new java.util.HashMap<>(Map.of("KEY_MANAGEMENT", "managed",
                "KEY_ENCRYPTION_SECRET", "embedded-key-encryption-secret-0123456789-abcd", "JWT_ALGORITHM", "ES256",
                "DATABASE_URL", "jdbc:h2:mem:embedded-managed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        TokenlifeSettings settings = TokenlifeSettings.fromMap(managed);
        try (PersistenceAdapters store = PersistenceAdapters.open(settings, clock)) {
            store.migrate();
            store.startRevocationSync();
            JwtAdapters jwt = JwtAdapters.create(settings, clock);
            UseCases issuer = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), store.registry(), store.revocations(),
                    store.revocationIndex(), store.users(), store.passwords(), new UuidJtiGenerator(), SsoProviders.none(),
                    ExternalTokenVerifier.none(), event -> { }, clock).withKeys(io.tokenlife.domain.assembly.KeyPorts
                    .managed(store.signingKeys(), jwt.managedMaterials().orElseThrow(), jwt.managedRing().orElseThrow())),
                    DomainSettings.from(settings));
            issuer.keySchedule().run();
            String before = session(issuer);
            try (TokenGate managedGate = new TokenGate(managed, clock)) {
                assertThat(managedGate.authenticate(before)).isPresent();

                issuer.signingKeys().rotate(Actor.operator("ops"), true);
                String after = session(issuer);
                awaitAccepted(managedGate, after);
                assertThat(managedGate.authenticate(before)).as("the retired key still verifies").isPresent();

                String oldKid = ((io.tokenlife.domain.port.in.ManageSigningKeysUseCase.Keys) issuer.signingKeys()
                        .list(Actor.operator("ops"))).keys().get(0).info().kid();
                issuer.signingKeys().revoke(Actor.operator("ops"), oldKid, "leaked");
                long deadline = System.nanoTime() + 10_000_000_000L; // a catch-up on a loaded machine
                while (managedGate.authenticate(before).isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(managedGate.authenticate(before)).as("a revoked key's token").isEmpty();
                assertThat(managedGate.authenticate(after)).isPresent();
            }
        }
    }

    private static String session(UseCases useCases) {
        return ((IssueTokenResult.Issued) useCases.issueToken()
                .issue(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN))).token().compact();
    }

    /** H2 has no NOTIFY: the gate learns the new key at its next catch-up. */
    private static void awaitAccepted(TokenGate gate, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L; // a catch-up on a loaded machine
        while (gate.authenticate(token).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gate.authenticate(token)).as("a token of the new key, without restart").isPresent();
    }

    @Test
    void aConfigurationWithErrorsFailsClosed() {
        Map<String, String> production = Map.of("ENVIRONMENT", "production", "JWT_SECRET_KEY", "short",
                "DATABASE_URL", "jdbc:h2:mem:x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenGate(production, clock))
                .hasMessageContaining("FAIL-CLOSED");
    }
}
