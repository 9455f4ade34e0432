package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPairsTest {
    @TempDir
    Path dir;

    /** What docs/reference/cli.md says `keys generate --alg HS*` prints. */
    @ParameterizedTest
    @CsvSource({"HS256, 32, 44", "HS384, 48, 64", "HS512, 64, 88"})
    void a_generated_hmac_secret_is_standard_base64_of_as_many_random_bytes_as_the_hash(
            SigningAlgorithm algorithm, int randomBytes, int characters) {
        String secret = ((KeyPairs.HmacSecret) KeyPairs.generate(algorithm)).secret();
        assertThat(secret).hasSize(characters).matches("[A-Za-z0-9+/]+=*");
        assertThat(Base64.getDecoder().decode(secret)).hasSize(randomBytes);
        assertThat(((KeyPairs.HmacSecret) KeyPairs.generate(algorithm)).secret()).isNotEqualTo(secret);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"HS256", "HS512", "RS256", "PS384", "ES256", "ES512", "EdDSA"})
    void a_generated_key_is_accepted_by_the_server_and_signs_with_the_announced_kid(SigningAlgorithm algorithm) throws Exception {
        KeyPairs.GeneratedKey key = KeyPairs.generate(algorithm);
        JwtAdapters jwt;
        if (key instanceof KeyPairs.HmacSecret secret) {
            assertThat(secret.secret().getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(KeyRules.minSecretBytes(algorithm));
            assertThat(secret.toString()).doesNotContain(secret.secret());
            jwt = JwtAdapters.create(TestSettings.with("JWT_ALGORITHM", algorithm.joseName(), "JWT_SECRET_KEY", secret.secret(),
                    "ENVIRONMENT", "production"), Clock.systemUTC());
        } else {
            KeyPairs.PemKeyPair pair = (KeyPairs.PemKeyPair) key;
            assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(pair.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
            Path priv = Files.writeString(dir.resolve("private.pem"), pair.privateKeyPem());
            Path pub = Files.writeString(dir.resolve("public.pem"), pair.publicKeyPem());
            jwt = JwtAdapters.create(TestSettings.with("JWT_ALGORITHM", algorithm.joseName(), "JWT_PRIVATE_KEY_PATH", priv.toString(),
                    "JWT_PUBLIC_KEY_PATH", pub.toString()), Clock.systemUTC());
            assertThat(KeyPairs.publicJwkSetJson(algorithm, pub)).isEqualTo(jwt.publicJwkSetJson()).contains(key.kid());
        }
        assertThat(jwt.currentKeyId()).isEqualTo(key.kid());
        assertThat(jwt.verifier().verify(jwt.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void the_jwk_set_of_a_missing_file_is_a_key_load_error_naming_the_path() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> KeyPairs.publicJwkSetJson(SigningAlgorithm.RS256, missing))
                .isInstanceOf(JwtAdapters.KeyLoadException.class).hasMessageContaining(missing.toString());
        assertThat(KeyPairs.publicJwkSetJson(SigningAlgorithm.HS256, missing)).isEqualTo("{\"keys\":[]}");
    }
}
