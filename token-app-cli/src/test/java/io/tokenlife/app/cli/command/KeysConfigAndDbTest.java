package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.CliHarness;
import io.tokenlife.app.cli.CliHarness.Result;
import io.tokenlife.app.cli.FakeCliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** keys generate/jwks, config check, db migrate/info. */
class KeysConfigAndDbTest {
    @TempDir
    Path dir;

    private static Result run(FakeCliContext context, String... args) {
        return CliHarness.run(context, args);
    }

    @Test
    void keys_generate_prints_an_hmac_secret() {
        Result r = run(FakeCliContext.with(), "keys", "generate", "--alg", "HS512");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("generated-secret-for-HS512");
        assertThat(r.err()).contains("JWT_SECRET_KEY");
    }

    @Test
    void keys_generate_writes_a_private_key_readable_only_by_its_owner() throws Exception {
        Path out = dir.resolve("keys");

        Result r = run(FakeCliContext.with(), "keys", "generate", "--alg", "ES256", "--out", out.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(out.resolve("private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(out.resolve("public.pem"))).contains("BEGIN PUBLIC KEY");
        assertThat(r.out()).contains("JWT_ALGORITHM=ES256").contains("JWT_PRIVATE_KEY_PATH=" + out.resolve("private.pem"));
    }

    @Test
    void keys_generate_does_not_overwrite_keys_without_force() {
        run(FakeCliContext.with(), "keys", "generate", "--alg", "RS256", "--out", dir.toString());

        Result again = run(FakeCliContext.with(), "keys", "generate", "--alg", "RS256", "--out", dir.toString());
        Result forced = run(FakeCliContext.with(), "keys", "generate", "--alg", "RS256", "--out", dir.toString(), "--force");

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("private.pem already exists").contains("--force");
        assertThat(forced.exit()).as(forced.toString()).isZero();
    }

    @Test
    void keys_generate_with_an_unknown_or_missing_algorithm_is_bad_usage() {
        Result unknown = run(FakeCliContext.with(), "keys", "generate", "--alg", "none");
        Result missing = run(FakeCliContext.with(), "keys", "generate");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'none' is not allowed").contains("EdDSA");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--alg");
    }

    @Test
    void keys_jwks_prints_the_configured_or_given_public_key_set() {
        assertThat(run(FakeCliContext.with(), "keys", "jwks").out()).contains("{\"keys\":[]}");
        assertThat(run(FakeCliContext.with(), "keys", "jwks", "--public-key", "/tmp/pub.pem").out()).contains("pub.pem");
    }

    @Test
    void config_check_of_a_clean_development_configuration_exits_0() {
        Result r = run(FakeCliContext.with(), "config", "check", "--strict");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("configuration OK");
    }

    @Test
    void config_check_prints_warnings_and_strict_exits_1_on_them() {
        FakeCliContext context = FakeCliContext.with("VALIDATE_TOKEN_ENVIRONMENT", "true");

        Result lenient = run(context, "config", "check");
        Result strict = run(context, "config", "check", "--strict");

        assertThat(lenient.exit()).as(lenient.toString()).isZero();
        assertThat(lenient.out()).contains("WARNING environment_not_embedded").contains("EMBED_ENVIRONMENT_IN_TOKENS");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("--strict");
    }

    @Test
    void config_check_exits_1_on_a_short_secret_in_production() {
        FakeCliContext context = FakeCliContext.with();
        context.variables.put("ENVIRONMENT", "production");
        context.variables.put("JWT_SECRET_KEY", "too-short-secret");

        Result r = run(context, "config", "check");
        Result json = run(context, "config", "check", "--json");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR secret_too_short [JWT_SECRET_KEY, JWT_ALGORITHM]").contains("FAIL-CLOSED");
        assertThat(r.out()).doesNotContain("too-short-secret");
        assertThat(r.err()).contains("would refuse to start");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"ok\" : false").contains("\"code\" : \"secret_too_short\"").contains("\"severity\" : \"error\"");
    }

    @Test
    void config_check_names_an_invalid_variable() {
        FakeCliContext context = FakeCliContext.with();
        context.variables.put("ENVIRONMENT", "prod");

        Result r = run(context, "config", "check");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ENVIRONMENT").contains("'prod' is not allowed").contains("production");
    }

    @Test
    void config_check_reports_keys_that_cannot_be_loaded() {
        FakeCliContext context = FakeCliContext.with();
        context.keyProblem = "JWT_PRIVATE_KEY_PATH: /nope/private.pem cannot be read";

        Result r = run(context, "config", "check");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("key_unusable").contains("/nope/private.pem");
    }

    @Test
    void an_invalid_configuration_fails_other_commands_with_the_variable_named() {
        FakeCliContext context = FakeCliContext.with();
        context.variables.put("JWT_LEEWAY_SECONDS", "999");

        Result r = run(context, "db", "info");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("configuration error: JWT_LEEWAY_SECONDS").contains("0 to 300");
    }

    @Test
    void db_migrate_reports_what_it_applied_and_then_that_the_schema_is_current() {
        FakeCliContext context = FakeCliContext.with();

        Result first = run(context, "db", "migrate");
        Result second = run(context, "db", "migrate");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("applied 3 migration(s) to jdbc:h2:mem:test");
        assertThat(second.out()).contains("schema up to date");
    }

    @Test
    void db_migrate_and_info_with_an_unreachable_database_exit_1() {
        FakeCliContext context = FakeCliContext.with().unreachableDatabase();

        Result migrate = run(context, "db", "migrate");
        Result info = run(context, "db", "info");

        assertThat(migrate.exit()).isEqualTo(1);
        assertThat(migrate.err()).contains("jdbc:postgresql://127.0.0.1:1/x").doesNotContain("hunter2");
        assertThat(info.exit()).isEqualTo(1);
        assertThat(info.out()).contains("reachable: false").doesNotContain("hunter2");
    }
}
