package io.tokenlife.examples.embedded;

import com.sun.net.httpserver.HttpServer;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.IssueTokenCommand;
import io.tokenlife.domain.port.in.IssueTokenResult;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TokenGate#fromJwks}: the gate shares no database with the platform and reads its JWKS over HTTP
 * (served here as the service serves it, from the platform's managed key ring). Across a rotation the
 * gate validates the new key's tokens without restart, once its rate limit allows a refetch.
 */
class TokenGateJwksIT {
    private final Map<String, String> platformConfiguration = Map.of("KEY_MANAGEMENT", "managed",
            "KEY_ENCRYPTION_SECRET", "embedded-key-encryption-secret-0123456789-abcd", "JWT_ALGORITHM", "ES256",
            "DATABASE_URL", "jdbc:h2:mem:embedded-jwks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    /** The gate's configuration: the policy only, no database and no key. */
    private final Map<String, String> gateConfiguration = Map.of("JWT_ALGORITHM", "ES256");
    private final SteppingClock clock = new SteppingClock(Instant.now());

    @Test
    void theGateValidatesAcrossARotationFromTheJwksAlone() throws Exception {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(platformConfiguration);
        AtomicInteger fetches = new AtomicInteger();
        try (PersistenceAdapters store = PersistenceAdapters.open(settings, clock)) {
            store.migrate();
            JwtAdapters jwt = JwtAdapters.create(settings, clock);
            UseCases platform = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), store.registry(), store.revocations(),
                    store.revocationIndex(), store.users(), store.passwords(), new UuidJtiGenerator(), SsoProviders.none(),
                    ExternalTokenVerifier.none(), event -> { }, clock).withKeys(KeyPorts.managed(store.signingKeys(),
                    jwt.managedMaterials().orElseThrow(), jwt.managedRing().orElseThrow())), DomainSettings.from(settings));
            platform.keySchedule().run();
            HttpServer service = jwksServer(jwt, fetches);
            try (TokenGate gate = TokenGate.fromJwks(URI.create("http://127.0.0.1:" + service.getAddress().getPort()
                    + "/.well-known/jwks.json"), gateConfiguration, clock)) {
                String before = session(platform);
                assertThat(gate.ready()).isTrue();
                assertThat(gate.authenticate(before)).map(Caller::subject).contains("alice@example.com");
                assertThat(gate.authenticate(before.substring(0, before.length() - 2) + "xx")).isEmpty();

                platform.signingKeys().rotate(Actor.operator("ops"), true);
                String after = session(platform);
                clock.advance(Duration.ofSeconds(31)); // past the gate's rate limit of one fetch per 30 s
                assertThat(gate.authenticate(after)).as("a token of the new key, without restart").isPresent();
                assertThat(gate.authenticate(before)).as("the retired key is still published").isPresent();
                assertThat(fetches.get()).as("one fetch at start, one for the new kid").isEqualTo(2);
            } finally {
                service.stop(0);
            }
        }
    }

    @Test
    void inProductionTheGateNeedsNoKeyFileButStillFailsClosedOnOtherErrors() {
        URI nowhere = URI.create("http://127.0.0.1:1/.well-known/jwks.json"); // nothing listens: no keys yet
        try (TokenGate gate = TokenGate.fromJwks(nowhere, Map.of("ENVIRONMENT", "production", "JWT_ALGORITHM", "ES256"),
                clock)) {
            assertThat(gate.ready()).as("no key set fetched").isFalse();
        }
        assertThatThrownBy(() -> TokenGate.fromJwks(nowhere, Map.of("ENVIRONMENT", "production", "JWT_ALGORITHM", "ES256",
                "PLATFORM_ADMIN_PASSWORD", "short"), clock)).hasMessageContaining("FAIL-CLOSED");
    }

    @Test
    void anHmacAlgorithmCannotUseAJwks() {
        assertThatThrownBy(() -> TokenGate.fromJwks(URI.create("http://127.0.0.1:1/.well-known/jwks.json"),
                Map.of("JWT_ALGORITHM", "HS256"), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never published");
    }

    private static HttpServer jwksServer(JwtAdapters jwt, AtomicInteger fetches) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwt.publicJwkSetJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=" + jwt.jwksMaxAge().toSeconds());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String session(UseCases useCases) {
        return ((IssueTokenResult.Issued) useCases.issueToken()
                .issue(IssueTokenCommand.session("alice@example.com", TokenSource.LOGIN))).token().compact();
    }

    /** Real time plus the steps the test takes, so the gate's rate limit passes without sleeping. */
    private static final class SteppingClock extends Clock {
        private final long offsetStart = System.nanoTime();
        private final Instant start;
        private volatile Duration stepped = Duration.ZERO;

        SteppingClock(Instant start) {
            this.start = start;
        }

        void advance(Duration d) {
            stepped = stepped.plus(d);
        }

        @Override
        public Instant instant() {
            return start.plusNanos(System.nanoTime() - offsetStart).plus(stepped);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
