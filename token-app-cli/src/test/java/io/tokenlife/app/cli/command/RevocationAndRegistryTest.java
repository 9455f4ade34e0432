package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.CliHarness;
import io.tokenlife.app.cli.CliHarness.Result;
import io.tokenlife.app.cli.FakeCliContext;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** token revoke, revoke-subject, revoke-all, list, purge. */
class RevocationAndRegistryTest {
    private final FakeCliContext context = FakeCliContext.with();

    private Result run(String... args) {
        return CliHarness.run(context, args);
    }

    private String create(String subject, String jti) {
        Result r = run("token", "create", "--subject", subject, "--jti", jti);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.out().strip();
    }

    @Test
    void revoke_records_who_and_why_in_the_registry() {
        create("alice@example.com", "j1");

        Result r = run("token", "revoke", "j1", "--reason", "laptop stolen");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("revoked jti j1 of alice@example.com");
        TokenRecord record = context.store().find("j1").orElseThrow();
        assertThat(record.revokedBy()).isEqualTo("cli:tester");
        assertThat(record.reason()).isEqualTo("laptop stolen");
    }

    @Test
    void revoke_of_an_unknown_jti_is_recorded_and_says_it_was_not_in_the_registry() {
        Result r = run("token", "revoke", "never-seen");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("not in the registry").contains("recorded anyway");
        assertThat(context.store().check("never-seen", null, null).isRevoked()).isTrue();
    }

    @Test
    void revoking_twice_is_not_an_error() {
        create("alice@example.com", "j2");
        run("token", "revoke", "j2");

        Result again = run("token", "revoke", "j2");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already revoked");
    }

    @Test
    void revoke_without_a_jti_is_bad_usage() {
        Result r = run("token", "revoke");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("JTI");
    }

    @Test
    void revoke_with_an_unreachable_database_exits_1_naming_the_database_without_credentials() {
        context.unreachableDatabase();

        Result r = run("token", "revoke", "j3");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("jdbc:postgresql://127.0.0.1:1/x").contains("DATABASE_URL")
                .doesNotContain("hunter2").doesNotContain("Exception");
    }

    @Test
    void revoke_subject_revokes_every_token_of_that_subject_only() {
        String alice = create("alice@example.com", "a1");
        String bob = create("bob@example.com", "b1");

        Result r = run("token", "revoke-subject", "ALICE@example.com", "--reason", "left");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("alice@example.com");
        assertThat(run("token", "verify", alice).out()).contains("token_revoked");
        assertThat(run("token", "verify", bob).exit()).isZero();
    }

    @Test
    void revoke_all_before_an_instant_revokes_older_tokens_only() {
        String old = create("alice@example.com", "old");
        context.fixture.clock.advance(Duration.ofMinutes(5));
        String cutoff = context.fixture.clock.instant().minusSeconds(60).toString();
        String fresh = create("alice@example.com", "fresh");

        Result r = run("token", "revoke-all", "--before", cutoff, "--reason", "key leak");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(run("token", "verify", old).out()).contains("token_revoked");
        assertThat(run("token", "verify", fresh).exit()).isZero();
    }

    @Test
    void revoke_all_accepts_an_offset_and_now() {
        assertThat(run("token", "revoke-all", "--before", "2025-12-31T12:00:00+01:00").exit()).isZero();
        assertThat(run("token", "revoke-all", "--before", "now").exit()).isZero();
    }

    @Test
    void revoke_all_refuses_a_future_instant_a_bad_instant_and_a_missing_one_as_bad_usage() {
        Result future = run("token", "revoke-all", "--before", "2030-01-01T00:00:00Z");
        Result bad = run("token", "revoke-all", "--before", "yesterday");
        Result missing = run("token", "revoke-all");

        assertThat(future.exit()).isEqualTo(2);
        assertThat(future.err()).contains("in the future");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("RFC 3339");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--before");
    }

    @Test
    void list_prints_a_table_and_json_with_filters() {
        create("alice@example.com", "l1");
        create("bob@example.com", "l2");
        run("token", "revoke", "l2");

        Result table = run("token", "list");
        Result revoked = run("token", "list", "--status", "revoked", "--json");
        Result alice = run("token", "list", "--subject", "alice@example.com", "--source", "cli", "--json");

        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("JTI").contains("l1").contains("l2").contains("active").contains("revoked");
        assertThat(revoked.out()).contains("\"jti\" : \"l2\"").doesNotContain("\"l1\"").contains("\"revoked_by\" : \"cli:tester\"")
                .contains("\"next\" : null");
        assertThat(alice.out()).contains("\"l1\"").doesNotContain("\"l2\"");
    }

    @Test
    void list_pages_with_limit_and_cursor() {
        create("a@example.com", "p1");
        context.fixture.clock.advance(Duration.ofSeconds(1));
        create("a@example.com", "p2");

        Result first = run("token", "list", "--limit", "1", "--json");

        assertThat(first.out()).contains("\"p2\"").doesNotContain("\"p1\"").contains("\"next\" : \"1\"");
        assertThat(run("token", "list", "--limit", "1", "--cursor", "1", "--json").out()).contains("\"p1\"");
    }

    @Test
    void list_refuses_bad_filters_as_bad_usage() {
        Result status = run("token", "list", "--status", "dead");
        Result limit = run("token", "list", "--limit", "0");
        Result source = run("token", "list", "--source", "mail");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("active, revoked, expired");
        assertThat(limit.exit()).isEqualTo(2);
        assertThat(limit.err()).contains("limit must be between 1 and 1000");
        assertThat(source.exit()).isEqualTo(2);
        assertThat(source.err()).contains("login, admin_ui, api, sso, cli");
    }

    @Test
    void purge_removes_registry_rows_of_tokens_expired_longer_than_the_leeway() {
        create("alice@example.com", "x1");
        context.fixture.clock.advance(Duration.ofHours(1));

        Result r = run("token", "purge");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("purged 1 registry row(s)");
        assertThat(context.store().find("x1")).isEmpty();
    }

    @Test
    void purge_keeps_live_tokens() {
        create("alice@example.com", "live");

        assertThat(run("token", "purge").out()).contains("purged 0 registry row(s)");
        assertThat(context.store().find("live").map(t -> t.status(context.fixture.clock.instant())))
                .contains(TokenStatus.ACTIVE);
    }
}
