package io.tokenlife.adapters.jwt;

import com.sun.net.httpserver.HttpServer;
import io.tokenlife.domain.fakes.MutableClock;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JwksVerifier} against a real local HTTP server whose JWKS the test rotates; fetches are counted
 * at the server. The clock is the test's, so the rate limit and max-age are exercised without sleeping.
 */
class JwksVerifierTest {
    private static final SigningAlgorithm ALG = SigningAlgorithm.ES256;
    private static final Duration WINDOW = Duration.ofSeconds(30);

    private final SigningKey keyA = newKey();
    private final SigningKey keyB = newKey();
    private final MutableClock clock = new MutableClock(JwtTestKit.NOW);
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String body;
    private volatile int status = 200;
    private volatile String cacheControl = "public, max-age=600";
    private HttpServer server;
    private URI uri;

    private static SigningKey newKey() {
        java.security.KeyPair p = Keys.generateKeyPair(ALG);
        return Keys.fromKeyPair(ALG, p.getPrivate(), p.getPublic());
    }

    @BeforeEach
    void startServer() throws Exception {
        body = jwks(keyA);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static String jwks(SigningKey... keys) {
        return JwtAdapters.publicJwkSetJson(java.util.Arrays.stream(keys).map(SigningKey::verification).toList());
    }

    private static String sign(SigningKey key, String jti) {
        return new NimbusTokenSigner(KeyRing.of(key)).sign(JwtTestKit.claims(jti));
    }

    private JwksVerifier verifier() {
        return JwtAdapters.jwksVerifier(uri, ALG).minRefreshInterval(WINDOW).clock(clock).build();
    }

    @Test
    void a_token_of_a_key_published_after_start_validates_without_restart() {
        JwksVerifier verifier = verifier();
        assertThat(fetches.get()).as("fetched once when built").isEqualTo(1);
        assertThat(verifier.verify(sign(keyA, "a1"))).isInstanceOf(Verification.Verified.class);

        body = jwks(keyB, keyA); // the service rotated
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(verifier.verify(sign(keyB, "b1"))).as("the unknown kid fetched the new set")
                .isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(sign(keyA, "a2"))).isInstanceOf(Verification.Verified.class);
        assertThat(fetches.get()).isEqualTo(2);

        body = jwks(keyB); // A removed from the JWKS (its tokens expired)
        clock.advance(Duration.ofMinutes(11)); // past max-age=600
        verifier.verify(sign(keyB, "b2"));
        assertThat(fetches.get()).isEqualTo(3);
        assertThat(verifier.verify(sign(keyA, "a3"))).as("a key dropped from the JWKS no longer verifies")
                .isInstanceOfSatisfying(Verification.Refused.class,
                        r -> assertThat(r.code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID));
    }

    @Test
    void an_unknown_kid_inside_the_window_does_not_fetch() {
        JwksVerifier verifier = verifier();
        body = jwks(keyB, keyA);
        assertThat(verifier.verify(sign(keyB, "b1"))).as("refused until the window ends")
                .isInstanceOf(Verification.Refused.class);
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void a_flood_of_random_kids_costs_at_most_one_fetch_per_window() throws Exception {
        JwksVerifier verifier = verifier();
        int inWindow = flood(verifier); // the window of the build's fetch is still open
        clock.advance(WINDOW.plusSeconds(1)); // a new window: one more fetch is allowed
        int nextWindow = flood(verifier);
        System.out.println("jwks fetches for 1000 tokens with unknown kids: " + inWindow + " inside the window of the "
                + "first fetch, " + nextWindow + " in the next window (plus 1 at build)");
        assertThat(inWindow).isZero();
        assertThat(nextWindow).isBetween(0, 1);
        assertThat(verifier.verify(sign(keyA, "a"))).as("the known key still verifies")
                .isInstanceOf(Verification.Verified.class);
    }

    /** 1,000 tokens on 8 threads, half with a random kid, half signed by a key the JWKS never names: fetches made. */
    private int flood(JwksVerifier verifier) throws Exception {
        String signedByStranger = sign(keyB, "x");
        int before = fetches.get();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Verification>> results = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                SigningKey random = SigningKey.of("kid-" + UUID.randomUUID(), ALG, keyB.privateJwk());
                String token = i % 2 == 0 ? sign(random, "r" + i) : signedByStranger;
                results.add(pool.submit(() -> verifier.verify(token)));
            }
            for (Future<Verification> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(Verification.Refused.class);
            }
        } finally {
            pool.shutdownNow();
        }
        return fetches.get() - before;
    }

    @Test
    void a_failed_fetch_keeps_the_last_good_keys() {
        JwksVerifier verifier = verifier();
        String tokenA = sign(keyA, "a1");
        status = 500;
        body = "{\"error\":\"down\"}";
        clock.advance(Duration.ofMinutes(11)); // past max-age: a refetch is due and fails
        assertThat(verifier.verify(tokenA)).isInstanceOf(Verification.Verified.class);
        assertThat(fetches.get()).isEqualTo(2);

        status = 200;
        body = "not json";
        clock.advance(Duration.ofMinutes(11));
        assertThat(verifier.verify(sign(keyA, "a2"))).isInstanceOf(Verification.Verified.class);
        assertThat(fetches.get()).isEqualTo(3);

        server.stop(0); // the service is unreachable
        clock.advance(Duration.ofMinutes(11));
        assertThat(verifier.verify(sign(keyA, "a3"))).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.hasKeys()).isTrue();
    }

    @Test
    void the_cache_honours_max_age() {
        cacheControl = "public, max-age=120";
        JwksVerifier verifier = verifier();
        String token = sign(keyA, "a1");
        clock.advance(Duration.ofSeconds(100));
        verifier.verify(token);
        assertThat(fetches.get()).as("younger than max-age").isEqualTo(1);
        clock.advance(Duration.ofSeconds(21));
        verifier.verify(token);
        assertThat(fetches.get()).as("older than max-age").isEqualTo(2);
    }

    @Test
    void max_age_is_bounded_by_the_rate_limit_and_a_day() {
        JwksKeys keys = new JwksKeys(uri, KeyRing.verificationOnly(ALG, List.of()), WINDOW, Duration.ofMinutes(5),
                Duration.ofSeconds(1), clock);
        assertThat(keys.timeToLive("max-age=0")).isEqualTo(WINDOW);
        assertThat(keys.timeToLive("no-store")).isEqualTo(WINDOW);
        assertThat(keys.timeToLive("")).isEqualTo(Duration.ofMinutes(5));
        assertThat(keys.timeToLive("public, max-age=999999999")).isEqualTo(Duration.ofHours(24));
        assertThat(keys.timeToLive("public,max-age=150")).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void an_hmac_algorithm_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> JwtAdapters.jwksVerifier(uri, SigningAlgorithm.HS256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HS256").hasMessageContaining("never published");
        assertThatThrownBy(() -> JwtAdapters.jwksVerifier(URI.create("file:///etc/jwks.json"), ALG))
                .hasMessageContaining("http");
    }

    @Test
    void keys_of_another_algorithm_in_the_set_are_ignored() {
        java.security.KeyPair rsa = Keys.generateKeyPair(SigningAlgorithm.RS256);
        SigningKey rsaKey = Keys.fromKeyPair(SigningAlgorithm.RS256, rsa.getPrivate(), rsa.getPublic());
        body = jwks(keyA).replace("{\"keys\":[", "{\"keys\":[" + JwtAdapters.publicJwkSetJson(
                List.of(rsaKey.verification())).replace("{\"keys\":[", "").replaceAll("]}$", "") + ",");
        JwksVerifier verifier = verifier();
        assertThat(verifier.verify(sign(keyA, "a"))).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(new NimbusTokenSigner(KeyRing.of(rsaKey)).sign(JwtTestKit.claims("r"))))
                .isInstanceOf(Verification.Refused.class);
    }
}
