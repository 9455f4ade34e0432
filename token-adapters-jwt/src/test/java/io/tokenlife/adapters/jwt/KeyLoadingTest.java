package io.tokenlife.adapters.jwt;

import io.tokenlife.adapters.jwt.JwtAdapters.KeyLoadException;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.port.out.Verification;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KeyLoadingTest {
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

    private static void assertKeyLoadFails(TokenlifeSettings settings, String... fragments) {
        assertThatThrownBy(() -> JwtAdapters.create(settings, Clock.systemUTC()))
                .isInstanceOf(KeyLoadException.class)
                .message().contains(fragments).doesNotContain("-----BEGIN", "MII");
    }

    @Test
    void development_without_any_key_configured_works_with_the_defaults() {
        JwtAdapters jwt = JwtAdapters.create(settings(), Clock.systemUTC());
        String token = jwt.signer().sign(JwtTestKit.claims("j"));
        assertThat(jwt.verifier().verify(token)).isInstanceOf(Verification.Verified.class);
        assertThat(jwt.publicJwkSetJson()).isEqualTo("{\"keys\":[]}");
    }

    @Test
    void development_without_key_files_generates_a_key_pair_for_the_process() {
        JwtAdapters jwt = JwtAdapters.create(settings("JWT_ALGORITHM", "ES256"), Clock.systemUTC());
        assertThat(jwt.verifier().verify(jwt.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);
        assertThat(jwt.publicJwkSetJson()).contains("\"kty\":\"EC\"", "\"use\":\"sig\"", "\"alg\":\"ES256\"",
                "\"kid\":\"" + jwt.currentKeyId() + "\"").doesNotContain("\"d\"");
    }

    @Test
    void staging_without_keys_refuses_naming_the_variables() {
        assertKeyLoadFails(settings("ENVIRONMENT", "staging", "JWT_ALGORITHM", "RS256"), "JWT_PRIVATE_KEY_PATH", "JWT_PUBLIC_KEY_PATH");
    }

    @Test
    void a_missing_key_file_names_the_variable_and_the_path() {
        Path missing = dir.resolve("nope.pem");
        Path[] files = JwtTestKit.pemFiles(SigningAlgorithm.RS256);
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", missing.toString(),
                "JWT_PUBLIC_KEY_PATH", files[1].toString()), "JWT_PRIVATE_KEY_PATH", missing.toString(), "does not exist");
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", files[0].toString(),
                "JWT_PUBLIC_KEY_PATH", missing.toString()), "JWT_PUBLIC_KEY_PATH", missing.toString());
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", files[0].toString()),
                "JWT_PUBLIC_KEY_PATH is not set");
    }

    @Test
    void an_unparsable_file_names_the_variable_and_the_path() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path[] files = JwtTestKit.pemFiles(SigningAlgorithm.RS256);
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", junk.toString(),
                "JWT_PUBLIC_KEY_PATH", files[1].toString()), "JWT_PRIVATE_KEY_PATH", junk.toString(), "not a valid RSA");
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", files[0].toString(),
                "JWT_PUBLIC_KEY_PATH", empty.toString()), "JWT_PUBLIC_KEY_PATH", empty.toString(), "no PEM public key");
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", files[0].toString(),
                "JWT_PUBLIC_KEY_PATH", dir.toString()), "JWT_PUBLIC_KEY_PATH", dir.toString(), "cannot be read");
    }

    @Test
    void a_1024_bit_rsa_key_is_refused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        Path[] files = write("rsa1024", g.generateKeyPair());
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", files[0].toString(),
                "JWT_PUBLIC_KEY_PATH", files[1].toString()), "JWT_PRIVATE_KEY_PATH", files[0].toString(), "1024 bits");
    }

    @Test
    void a_key_of_the_wrong_curve_or_type_is_refused() {
        Path[] p256 = JwtTestKit.ecFiles("secp256r1");
        assertKeyLoadFails(settings("JWT_ALGORITHM", "ES384", "JWT_PRIVATE_KEY_PATH", p256[0].toString(),
                "JWT_PUBLIC_KEY_PATH", p256[1].toString()), "ES384 needs a P-384 key, not P-256", p256[0].toString());
        Path[] ed = JwtTestKit.pemFiles(SigningAlgorithm.EdDSA);
        assertKeyLoadFails(settings("JWT_ALGORITHM", "RS256", "JWT_PRIVATE_KEY_PATH", ed[0].toString(),
                "JWT_PUBLIC_KEY_PATH", ed[1].toString()), "JWT_PRIVATE_KEY_PATH", ed[0].toString());
    }

    @Test
    void a_public_key_that_does_not_match_the_private_key_is_refused() throws Exception {
        Path[] mine = JwtTestKit.pemFiles(SigningAlgorithm.EdDSA);
        Path[] other = write("other-ed", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        assertKeyLoadFails(settings("JWT_ALGORITHM", "EdDSA", "JWT_PRIVATE_KEY_PATH", mine[0].toString(),
                "JWT_PUBLIC_KEY_PATH", other[1].toString()), "does not match", "JWT_PUBLIC_KEY_PATH", other[1].toString());
        Path[] ec = JwtTestKit.ecFiles("secp256r1");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        Path[] otherEc = write("other-ec", g.generateKeyPair());
        assertKeyLoadFails(settings("JWT_ALGORITHM", "ES256", "JWT_PRIVATE_KEY_PATH", ec[0].toString(),
                "JWT_PUBLIC_KEY_PATH", otherEc[1].toString()), "does not match");
    }

    @Test
    void a_secret_shorter_than_the_hash_output_is_refused_without_showing_it() {
        assertKeyLoadFails(settings("JWT_SECRET_KEY", "short-but-not-shown"), "JWT_SECRET_KEY", "HS256 needs at least 32 bytes");
        assertThatThrownBy(() -> JwtAdapters.create(settings("JWT_SECRET_KEY", "short-but-not-shown"), Clock.systemUTC()))
                .message().doesNotContain("short-but-not-shown");
        assertKeyLoadFails(TestSettings.with("JWT_ALGORITHM", "HS512"), "JWT_SECRET_KEY", "HS512 needs at least 64 bytes");
    }

    @Test
    void openssl_legacy_pkcs1_and_sec1_private_keys_are_accepted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/usr/local/bin/openssl")),
                "openssl not installed: skipped");
        Path rsa = dir.resolve("rsa.pem");
        Path rsaPub = dir.resolve("rsa.pub");
        openssl("genrsa", "-traditional", "-out", rsa.toString(), "2048");
        openssl("rsa", "-in", rsa.toString(), "-pubout", "-out", rsaPub.toString());
        assertThat(Files.readString(rsa)).contains("BEGIN RSA PRIVATE KEY");
        JwtAdapters rs = JwtAdapters.create(settings("JWT_ALGORITHM", "PS256", "JWT_PRIVATE_KEY_PATH", rsa.toString(),
                "JWT_PUBLIC_KEY_PATH", rsaPub.toString()), Clock.systemUTC());
        assertThat(rs.verifier().verify(rs.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);

        Path ec = dir.resolve("ec.pem");
        Path ecPub = dir.resolve("ec.pub");
        openssl("ecparam", "-name", "secp384r1", "-genkey", "-out", ec.toString());
        openssl("ec", "-in", ec.toString(), "-pubout", "-out", ecPub.toString());
        assertThat(Files.readString(ec)).contains("BEGIN EC PRIVATE KEY");
        JwtAdapters es = JwtAdapters.create(settings("JWT_ALGORITHM", "ES384", "JWT_PRIVATE_KEY_PATH", ec.toString(),
                "JWT_PUBLIC_KEY_PATH", ecPub.toString()), Clock.systemUTC());
        assertThat(es.verifier().verify(es.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);

        Path ed = dir.resolve("ed.pem");
        Path edPub = dir.resolve("ed.pub");
        openssl("genpkey", "-algorithm", "ed25519", "-out", ed.toString());
        openssl("pkey", "-in", ed.toString(), "-pubout", "-out", edPub.toString());
        JwtAdapters eddsa = JwtAdapters.create(settings("JWT_ALGORITHM", "EdDSA", "JWT_PRIVATE_KEY_PATH", ed.toString(),
                "JWT_PUBLIC_KEY_PATH", edPub.toString()), Clock.systemUTC());
        assertThat(eddsa.verifier().verify(eddsa.signer().sign(JwtTestKit.claims("j")))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void kids_are_stable_and_do_not_reveal_the_secret() {
        JwtAdapters a = JwtAdapters.create(TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET), Clock.systemUTC());
        JwtAdapters b = JwtAdapters.create(TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET), Clock.systemUTC());
        JwtAdapters c = JwtAdapters.create(TestSettings.with("JWT_SECRET_KEY", JwtTestKit.HS256_SECRET + "x"), Clock.systemUTC());
        assertThat(a.currentKeyId()).isEqualTo(b.currentKeyId()).isNotEqualTo(c.currentKeyId()).hasSize(22)
                .doesNotContain(JwtTestKit.HS256_SECRET.substring(0, 8));
        assertThat(a.publicJwkSetJson()).isEqualTo("{\"keys\":[]}");

        JwtAdapters rsa = JwtAdapters.create(JwtTestKit.settings(SigningAlgorithm.RS256), Clock.systemUTC());
        assertThat(rsa.publicJwkSetJson()).contains("\"kid\":\"" + rsa.currentKeyId() + "\"").doesNotContain("\"d\"", "\"p\"");
        assertThat(rsa.currentKeyId()).hasSize(43); // RFC 7638 SHA-256 thumbprint, base64url
    }

    private Path[] write(String name, KeyPair pair) throws Exception {
        Path priv = Files.writeString(dir.resolve(name + ".pem"), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Path pub = Files.writeString(dir.resolve(name + ".pub"), Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
        return new Path[]{priv, pub};
    }

    private static void openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    }
}
