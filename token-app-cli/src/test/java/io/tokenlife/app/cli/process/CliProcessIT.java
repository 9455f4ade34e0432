package io.tokenlife.app.cli.process;

import io.tokenlife.app.cli.process.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real CLI as a process: configuration from the environment and .env, exit codes, stderr. */
class CliProcessIT {
    @TempDir
    Path dir;

    private CliProcess cli() {
        return new CliProcess(dir);
    }

    @Test
    void version_and_help_exit_0() {
        Result version = cli().run("--version");
        Result help = cli().run("token", "revoke-all", "--help");

        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("tokenlife 0.");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--before=INSTANT");
    }

    @Test
    void bad_flags_exit_2_with_a_message_and_no_stack_trace() {
        Result r = cli().run("token", "list", "--status", "dead");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("active, revoked, expired").doesNotContain("\tat ");
    }

    @Test
    void decode_of_a_malformed_token_exits_1_with_a_sentence() {
        Result r = cli().run("token", "decode", "abc.def");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("the token is malformed").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_bad_value_in_dot_env_of_the_working_directory_is_named_and_the_environment_wins() throws Exception {
        Files.writeString(dir.resolve(".env"), "# test\nENVIRONMENT=prod\n");

        Result fromFile = cli().run("config", "check");
        Result overridden = cli().env("ENVIRONMENT", "sideways").run("config", "check");

        assertThat(fromFile.exit()).as(fromFile.toString()).isEqualTo(1);
        assertThat(fromFile.out()).contains("ENVIRONMENT").contains("'prod' is not allowed");
        assertThat(overridden.out()).contains("'sideways' is not allowed").doesNotContain("'prod'");
    }

    @Test
    void an_unreachable_database_exits_1_naming_it_without_credentials() {
        Result r = cli().env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/x?user=ops&password=hunter2")
                .run("token", "revoke", "some-jti");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("database jdbc:postgresql://127.0.0.1:1/x").doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }
}
