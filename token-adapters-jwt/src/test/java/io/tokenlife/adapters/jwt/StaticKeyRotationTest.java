package io.tokenlife.adapters.jwt;

import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.port.out.TokenSigner;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Static mode without a database: {@code JWT_PREVIOUS_SECRET_KEYS} (the first secret signs, every one
 * verifies) and the development key kept beside the H2 file so tokens survive a restart.
 */
class StaticKeyRotationTest {
    private static final String OLD = "old-secret-0123456789abcdef-0123456789abcdef";
    private static final String OLDER = "older-secret-0123456789abcdef-0123456789abcd";
    private static final String NEW = "new-secret-0123456789abcdef-0123456789abcdef";

    @TempDir
    Path dir;

    private static TokenlifeSettings settings(String... kv) {
        Map<String, String> map = new HashMap<>();
        map.put("DATABASE_URL", "jdbc:h2:mem:test");
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return TokenlifeSettings.fromMap(map);
    }

    @Test
    void previous_secrets_verify_tokens_they_signed_but_only_the_current_secret_signs() {
        JwtAdapters before = JwtAdapters.create(settings("JWT_SECRET_KEY", OLD), Clock.systemUTC());
        JwtAdapters evenEarlier = JwtAdapters.create(settings("JWT_SECRET_KEY", OLDER), Clock.systemUTC());
        String oldToken = before.signer().sign(JwtTestKit.claims("old"));
        String olderToken = evenEarlier.signer().sign(JwtTestKit.claims("older"));

        JwtAdapters after = JwtAdapters.create(settings("JWT_SECRET_KEY", NEW,
                "JWT_PREVIOUS_SECRET_KEYS", OLD + " , " + OLDER + ","), Clock.systemUTC());
        TokenSigner.Signed fresh = after.signer().signed(JwtTestKit.claims("new"));

        assertThat(after.verifier().verify(oldToken)).isInstanceOf(Verification.Verified.class);
        assertThat(after.verifier().verify(olderToken)).isInstanceOf(Verification.Verified.class);
        assertThat(after.verifier().verify(fresh.compact())).isInstanceOf(Verification.Verified.class);
        assertThat(fresh.keyId()).isEqualTo(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThat(before.verifier().verify(fresh.compact()))
                .as("the old deployment does not know the new secret").isInstanceOf(Verification.Refused.class);
        assertThat(after.publicJwkSetJson()).as("HMAC secrets are never published").isEqualTo("{\"keys\":[]}");
    }

    @Test
    void a_token_from_a_secret_that_was_dropped_is_refused() {
        String oldToken = JwtAdapters.create(settings("JWT_SECRET_KEY", OLD), Clock.systemUTC())
                .signer().sign(JwtTestKit.claims("old"));
        JwtAdapters dropped = JwtAdapters.create(settings("JWT_SECRET_KEY", NEW), Clock.systemUTC());
        assertThat(dropped.verifier().verify(oldToken)).isInstanceOf(Verification.Refused.class);
    }

    @Test
    void signed_names_the_kid_that_is_in_the_header() throws Exception {
        JwtAdapters jwt = JwtAdapters.create(settings("JWT_SECRET_KEY", NEW), Clock.systemUTC());
        TokenSigner.Signed signed = jwt.signer().signed(JwtTestKit.claims("j"));
        assertThat(com.nimbusds.jwt.SignedJWT.parse(signed.compact()).getHeader().getKeyID()).isEqualTo(signed.keyId());
        assertThat(signed.toString()).doesNotContain(signed.compact());
    }

    @Test
    void a_previous_secret_that_is_too_short_is_refused_by_position_never_by_value() {
        assertThatThrownBy(() -> JwtAdapters.create(settings("JWT_SECRET_KEY", NEW,
                "JWT_PREVIOUS_SECRET_KEYS", OLD + ",short-and-secret"), Clock.systemUTC()))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining("JWT_PREVIOUS_SECRET_KEYS: secret 2 of 2")
                .hasMessageContaining("needs at least 32 bytes")
                .message().doesNotContain("short-and-secret", OLD);
    }

    @Test
    void previous_secrets_without_an_hmac_secret_are_refused() {
        assertThatThrownBy(() -> JwtAdapters.create(settings("JWT_ALGORITHM", "ES256",
                "JWT_PREVIOUS_SECRET_KEYS", OLD), Clock.systemUTC()))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining("JWT_PREVIOUS_SECRET_KEYS is set")
                .hasMessageContaining("JWT_ALGORITHM=ES256")
                .message().doesNotContain(OLD);
    }

    @Test
    void repeating_the_current_secret_among_the_previous_ones_is_harmless() {
        JwtAdapters jwt = JwtAdapters.create(settings("JWT_SECRET_KEY", NEW, "JWT_PREVIOUS_SECRET_KEYS", NEW + "," + OLD),
                Clock.systemUTC());
        assertThat(jwt.verifier().verify(jwt.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void development_keeps_its_generated_key_beside_the_h2_file_so_tokens_survive_a_restart() throws Exception {
        for (String alg : new String[]{"HS256", "ES256"}) {
            String url = "jdbc:h2:file:" + dir.resolve("data/tokenlife") + ";DB_CLOSE_DELAY=-1";
            Map<String, String> vars = new HashMap<>(Map.of("DATABASE_URL", url, "JWT_ALGORITHM", alg));
            TokenlifeSettings dev = TokenlifeSettings.fromMap(vars);
            JwtAdapters first = JwtAdapters.create(dev, Clock.systemUTC());
            String token = first.signer().sign(JwtTestKit.claims("j"));

            JwtAdapters restarted = JwtAdapters.create(dev, Clock.systemUTC());

            assertThat(restarted.currentKeyId()).isEqualTo(first.currentKeyId());
            assertThat(restarted.verifier().verify(token)).isInstanceOf(Verification.Verified.class);
            Path file = dir.resolve("data/tokenlife.dev-signing-key." + alg + ".jwk");
            assertThat(dev.developmentKeyFile()).contains(dir.resolve("data/tokenlife.dev-signing-key." + alg + ".jwk"));
            assertThat(file).exists();
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                    .as("no temporary file left behind").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void without_an_h2_file_development_signs_with_a_key_for_this_process_only() {
        JwtAdapters a = JwtAdapters.create(settings(), Clock.systemUTC());
        JwtAdapters b = JwtAdapters.create(settings(), Clock.systemUTC());
        assertThat(a.currentKeyId()).isNotEqualTo(b.currentKeyId());
        assertThat(settings().developmentKeyFile()).isEmpty();
        assertThat(settings("DATABASE_URL", "jdbc:postgresql://localhost/x").developmentKeyFile()).isEmpty();
        assertThat(settings("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("db"), "ENVIRONMENT", "staging",
                "JWT_SECRET_KEY", NEW).developmentKeyFile()).as("never outside development").isEmpty();
    }

    @Test
    void a_damaged_development_key_file_is_a_clear_error_saying_what_to_do() throws Exception {
        Path file = Files.writeString(dir.resolve("db.dev-signing-key.HS256.jwk"), "{not json");
        assertThatThrownBy(() -> JwtAdapters.create(settings("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("db")),
                Clock.systemUTC()))
                .isInstanceOf(KeyLoadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete the file");
    }
}
