package io.tokenlife.app.http;

import io.tokenlife.adapters.jwt.JwksVerifier;
import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.app.http.support.Client;
import io.tokenlife.domain.fakes.SteppingClock;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded JWKS validator ({@link JwtAdapters#jwksVerifier}) against the real service with managed keys:
 * after {@code POST /keys/rotate {"now":true}} it validates the new key's tokens without restart.
 */
class JwksValidatorIT {
    @TempDir
    Path dir;

    @Test
    void theJwksValidatorFollowsARotationOfTheRealService() {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("tokenlife"),
                "KEY_MANAGEMENT", "managed", "KEY_ENCRYPTION_SECRET", "jwks-it-key-encryption-secret-0123456789abcdef",
                "JWT_ALGORITHM", "ES256", "HOST", "127.0.0.1", "PORT", "0");
        SteppingClock validatorClock = new SteppingClock();
        try (HttpComposition server = HttpComposition.start(env, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.port();
            Client client = new Client(base);
            String before = RealCompositionIT.session(server.useCases(), "alice@example.com", false);
            JwksVerifier validator = JwtAdapters.jwksVerifier(URI.create(base + "/.well-known/jwks.json"), SigningAlgorithm.ES256)
                    .clock(validatorClock).build();
            assertThat(validator.hasKeys()).isTrue();
            assertThat(validator.verify(before)).isInstanceOf(Verification.Verified.class);

            String admin = RealCompositionIT.session(server.useCases(), "admin@example.com", true);
            Client.Reply rotated = client.postJson("/keys/rotate", admin, "{\"now\":true}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String after = RealCompositionIT.session(server.useCases(), "alice@example.com", false);

            validatorClock.advance(JwksVerifier.DEFAULT_MIN_REFRESH_INTERVAL.plusSeconds(1)); // past the rate limit
            assertThat(validator.verify(after)).as("a token of the new key, without restart")
                    .isInstanceOf(Verification.Verified.class);
            assertThat(validator.verify(before)).as("the retired key stays published")
                    .isInstanceOf(Verification.Verified.class);
        }
    }

}
