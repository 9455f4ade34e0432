package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.CliHarness;
import io.tokenlife.app.cli.CliHarness.Result;
import io.tokenlife.app.cli.FakeCliContext;
import io.tokenlife.domain.model.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** user add, disable, list. */
class UserCommandsTest {
    private final FakeCliContext context = FakeCliContext.with();

    private Result run(String... args) {
        return CliHarness.run(context, args);
    }

    @Test
    void add_creates_an_active_user_with_a_hashed_password() {
        Result r = run("user", "add", "Carol@Example.com", "--full-name", "Carol C", "--admin", "--password", "correct horse battery");

        assertThat(r.exit()).as(r.toString()).isZero();
        User carol = context.userStore().find("carol@example.com").orElseThrow();
        assertThat(carol.admin()).isTrue();
        assertThat(carol.active()).isTrue();
        assertThat(carol.fullName()).isEqualTo("Carol C");
        assertThat(carol.passwordHash()).isEqualTo("plain:correct horse battery");
    }

    @Test
    void add_reads_the_password_from_stdin() {
        context.stdin = "from-stdin-secret\nignored\n";

        Result r = run("user", "add", "dan@example.com", "--password-stdin");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(context.userStore().find("dan@example.com").orElseThrow().passwordHash()).isEqualTo("plain:from-stdin-secret");
    }

    @Test
    void add_without_password_creates_an_sso_only_user() {
        Result r = run("user", "add", "sso@example.com");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("without a password");
        assertThat(context.userStore().find("sso@example.com").orElseThrow().passwordHash()).isNull();
    }

    @Test
    void add_refuses_a_duplicate_with_exit_1() {
        run("user", "add", "eve@example.com");

        Result r = run("user", "add", "EVE@example.com");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("already exists");
    }

    @Test
    void add_refuses_bad_input_as_bad_usage() {
        Result email = run("user", "add", "not-an-email");
        Result shortPassword = run("user", "add", "f@example.com", "--password", "short");
        Result both = run("user", "add", "g@example.com", "--password", "long-enough-pw", "--password-stdin");
        context.stdin = "";
        Result emptyStdin = run("user", "add", "h@example.com", "--password-stdin");

        assertThat(email.exit()).isEqualTo(2);
        assertThat(email.err()).contains("not an e-mail address");
        assertThat(shortPassword.exit()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("password").doesNotContain("short");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(emptyStdin.exit()).isEqualTo(2);
        assertThat(emptyStdin.err()).contains("standard input is empty");
    }

    @Test
    void add_refuses_an_email_with_control_characters_or_a_line_separator_and_prints_it_escaped() {
        Result control = run("user", "add", "a\u0001b@example.com");
        Result separator = run("user", "add", "mallory@example.com\u2028admin@example.com");

        assertThat(control.exit()).isEqualTo(2);
        assertThat(control.err()).contains("not an e-mail address").contains("a\\u0001b").doesNotContain("\u0001");
        assertThat(separator.exit()).isEqualTo(2);
        assertThat(separator.err()).contains("\\u2028").doesNotContain("\u2028");
        assertThat(run("user", "list").out()).doesNotContain("mallory");
    }

    @Test
    void disable_deactivates_the_user_and_revokes_their_tokens() {
        run("user", "add", "ivan@example.com");
        String token = run("token", "create", "--subject", "ivan@example.com").out().strip();

        Result r = run("user", "disable", "ivan@example.com");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(context.userStore().find("ivan@example.com").orElseThrow().active()).isFalse();
        assertThat(run("token", "verify", token).out()).contains("token_revoked");
    }

    @Test
    void disable_of_an_unknown_user_exits_1() {
        Result r = run("user", "disable", "nobody@example.com");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no user with e-mail 'nobody@example.com'");
    }

    @Test
    void list_shows_users_as_a_table_and_as_json_without_password_hashes() {
        run("user", "add", "judy@example.com", "--password", "judy-password-1");

        Result table = run("user", "list");
        Result json = run("user", "list", "--json");

        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("EMAIL").contains("judy@example.com");
        assertThat(json.out()).contains("\"email\" : \"judy@example.com\"").contains("\"active\" : true")
                .doesNotContain("plain:").doesNotContain("password");
    }

    @Test
    void user_commands_need_the_database() {
        context.unreachableDatabase();

        Result r = run("user", "list");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("database jdbc:postgresql://127.0.0.1:1/x");
    }
}
