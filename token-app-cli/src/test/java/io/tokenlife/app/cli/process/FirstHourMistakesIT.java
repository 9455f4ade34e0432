package io.tokenlife.app.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.cli.process.CliProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes a new user makes in the first hour, each through the real CLI process in a folder of its own:
 * none of them may pass silently.
 */
class FirstHourMistakesIT {
    private static final String SECRET = "first-hour-secret-0123456789-0123456789-abcdef";

    @TempDir
    Path dir;

    @BeforeEach
    void adapters() {
        Adapters.assumeLanded();
    }

    private CliProcess cli() {
        return new CliProcess(dir);
    }

    /** Every setting of the production review's advice followed: the baseline that each test weakens once. */
    private CliProcess cleanProduction() {
        return cli().env("ENVIRONMENT", "production").env("JWT_SECRET_KEY", SECRET)
                .env("JWT_ISSUER", "tokenlife-prod").env("JWT_AUDIENCE", "tokenlife-prod-api")
                .env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/tokenlife").env("REQUIRE_JTI", "true")
                .env("EMBED_ENVIRONMENT_IN_TOKENS", "true").env("VALIDATE_TOKEN_ENVIRONMENT", "true")
                .env("REQUIRE_USER_IN_DB", "true").env("PUBLIC_URL", "https://tokens.example.com");
    }

    @Test
    void token_create_without_a_shared_key_refuses_and_says_how_to_share_one() {
        Result refused = cli().run("token", "create", "--subject", "alice@example.com", "--no-db");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).as("no token on stdout").isEmpty();
        assertThat(refused.err()).contains("no signing key is configured (JWT_SECRET_KEY is unset)")
                .contains(".env").contains("JWT_SECRET_KEY in the environment")
                .contains("JWT_PRIVATE_KEY_PATH and JWT_PUBLIC_KEY_PATH").contains("--ephemeral-key")
                .doesNotContain("\tat ");
        assertThat(refused.err().lines().count()).as("one line").isEqualTo(1);

        Result optedIn = cli().run("token", "create", "--subject", "alice@example.com", "--no-db", "--ephemeral-key");
        assertThat(optedIn.exit()).as(optedIn.toString()).isZero();
        assertThat(optedIn.out().strip().split("\\.")).hasSize(3);

        Result shared = cli().env("JWT_SECRET_KEY", SECRET).run("token", "create", "--subject", "alice@example.com",
                "--no-db");
        assertThat(shared.exit()).as(shared.toString()).isZero();
    }

    @Test
    void token_verify_without_a_shared_key_says_why_no_signature_will_match() throws Exception {
        String token = cli().env("JWT_SECRET_KEY", SECRET)
                .run("token", "create", "--subject", "alice@example.com", "--no-db").out().strip();

        Result verified = cli().run("token", "verify", "--no-db", token);

        assertThat(verified.exit()).isEqualTo(1);
        assertThat(verified.err()).contains("no signing key is configured (JWT_SECRET_KEY is unset)");
    }

    @Test
    void a_registry_command_with_the_default_url_and_no_database_says_so_and_creates_nothing() {
        Path file = dir.resolve("data/tokenlife.mv.db").toAbsolutePath();
        CliProcess cli = cli().env("JWT_SECRET_KEY", SECRET);

        for (String[] command : new String[][] {{"token", "list"}, {"token", "revoke", "some-jti"},
                {"token", "purge"}, {"user", "list"}, {"token", "revoke-subject", "bob@example.com"}}) {
            Result r = cli.run(command);
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", command))
                    .contains("no database exists at " + file)
                    .contains("only 'tokenlife db migrate' and a server start create one");
        }
        Result info = cli.run("db", "info");
        assertThat(info.exit()).isEqualTo(1);
        assertThat(info.out()).contains("reachable: false").contains("no database exists at " + file);
        assertThat(Files.exists(dir.resolve("data"))).as("nothing was created").isFalse();

        Result migrate = cli.run("db", "migrate");
        Result list = cli.run("token", "list");
        assertThat(migrate.exit()).as(migrate.toString()).isZero();
        assertThat(Files.exists(file)).isTrue();
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.err()).contains("0 token(s)");
    }

    @Test
    void a_variable_that_is_almost_ours_is_named_with_the_closest_one_and_others_are_left_alone() throws Exception {
        Files.writeString(dir.resolve(".env"), "ENVIROMENT=production\nJWT_SECRET=" + SECRET + "\nMY_APP_MODE=fast\n");
        CliProcess cli = cli().env("REQUIRE_JIT", "true").env("JWT_SECRET_KEY", SECRET);

        Result check = cli.run("config", "check", "--strict");
        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.out())
                .contains("WARNING unknown_variable [ENVIRONMENT]: ENVIROMENT is not a tokenlife variable and is "
                        + "ignored; did you mean ENVIRONMENT?")
                .contains("JWT_SECRET is not a tokenlife variable and is ignored; did you mean JWT_SECRET_KEY?")
                .contains("REQUIRE_JIT is not a tokenlife variable and is ignored; did you mean REQUIRE_JTI?")
                .doesNotContain("MY_APP_MODE").doesNotContain(SECRET);

        Result other = cli.run("keys", "generate", "--alg", "HS256");
        assertThat(other.exit()).as(other.toString()).isZero();
        assertThat(other.err()).contains("warning: ENVIROMENT is not a tokenlife variable and is ignored; did you mean "
                + "ENVIRONMENT?").contains("did you mean REQUIRE_JTI?").doesNotContain("MY_APP_MODE");
        assertThat(other.out().lines().count()).as("stdout keeps only the result").isEqualTo(1);

        Result help = cli.run("token", "list", "--help");
        assertThat(help.err()).as("help stays quiet").doesNotContain("warning");
    }

    @Test
    void a_production_configuration_that_follows_the_advice_passes_the_strict_check() {
        Result r = cleanProduction().run("config", "check", "--strict");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo("configuration OK");
    }

    @ParameterizedTest(name = "{0}={1} in {2}")
    @CsvSource({
            "JWT_ISSUER_VERIFICATION, false, production, issuer_verification_off, JWT_ISSUER_VERIFICATION=true",
            "JWT_AUDIENCE_VERIFICATION, false, production, audience_verification_off, JWT_AUDIENCE_VERIFICATION=true",
            "REQUIRE_TOKEN_EXPIRATION, false, production, expiration_not_required, REQUIRE_TOKEN_EXPIRATION=true",
            "SECURE_COOKIES, false, production, cookies_not_secure, SECURE_COOKIES=true",
            "DATABASE_URL, jdbc:h2:file:./data/tokenlife, production, embedded_database, DATABASE_URL=jdbc:postgresql://",
            "REQUIRE_JTI, false, production, production_require_jti, REQUIRE_JTI=true",
            "REQUIRE_JTI, false, staging, production_require_jti, REQUIRE_JTI=true"})
    void each_weakening_setting_is_a_warning_naming_the_variable_and_what_to_set(String variable, String value,
                                                                                 String environment, String code,
                                                                                 String advice) {
        CliProcess cli = cleanProduction().env("ENVIRONMENT", environment).env(variable, value);

        Result strict = cli.run("config", "check", "--strict");
        Result lenient = cli.run("config", "check");

        assertThat(strict.exit()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out()).contains("WARNING " + code + " [" + variable + "")
                .contains(variable + (variable.equals("DATABASE_URL") ? "" : "=" + value) + "")
                .contains("set " + advice)
                .contains("configuration OK with 1 warning(s)");
        assertThat(strict.err()).contains("1 warning(s) with --strict");
        assertThat(lenient.exit()).as("a warning alone does not fail without --strict").isZero();
    }

    @Test
    void config_show_prints_each_value_with_its_origin_and_masks_secrets() throws Exception {
        Files.writeString(dir.resolve(".env"), "JWT_ISSUER=issuer-from-file\nJWT_AUDIENCE=aud-from-file\n"
                + "JWT_SECRET_KEY=" + SECRET + "\n");
        CliProcess cli = cli().env("JWT_AUDIENCE", "aud-from-env")
                .env("DATABASE_URL", "jdbc:postgresql://db:5432/t?user=app&password=hunter2");

        Result text = cli.run("config", "show");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).containsPattern("(?m)^ENVIRONMENT=development +# default$")
                .containsPattern("(?m)^JWT_ISSUER=issuer-from-file +# \\.env$")
                .containsPattern("(?m)^JWT_AUDIENCE=aud-from-env +# environment$")
                .containsPattern("(?m)^JWT_SECRET_KEY=\\*\\*\\* +# \\.env$")
                .containsPattern("(?m)^JWT_PRIVATE_KEY_PATH= +# unset$")
                .containsPattern("(?m)^DATABASE_URL=jdbc:postgresql://db:5432/t\\?user=app&password=\\*\\*\\* +# environment$")
                .containsPattern("(?m)^PORT=4444 +# default$")
                .doesNotContain(SECRET).doesNotContain("hunter2");

        Result json = cli.run("config", "show", "--json");
        JsonNode variables = new ObjectMapper().readTree(json.out()).path("variables");
        assertThat(variables.size()).isGreaterThan(25);
        JsonNode secret = find(variables, "JWT_SECRET_KEY");
        assertThat(secret.path("value").asText()).isEqualTo("***");
        assertThat(secret.path("origin").asText()).isEqualTo(".env");
        assertThat(secret.path("secret").asBoolean()).isTrue();
        assertThat(find(variables, "JWT_AUDIENCE").path("origin").asText()).isEqualTo("environment");
        assertThat(find(variables, "PUBLIC_URL").path("value").isNull()).isTrue();
        assertThat(json.out()).doesNotContain(SECRET).doesNotContain("hunter2");
    }

    @Test
    void config_show_marks_a_value_the_service_would_refuse_and_exits_1() {
        Result r = cli().env("JWT_LEEWAY_SECONDS", "900").run("config", "show");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^JWT_LEEWAY_SECONDS=900 +# environment; refused: 900 is out of range; "
                + "allowed: 0 to 300$");
        assertThat(r.err()).contains("1 value(s) would stop the service from starting");
    }

    private static JsonNode find(JsonNode variables, String name) {
        for (JsonNode v : variables) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError(name + " not shown");
    }
}
