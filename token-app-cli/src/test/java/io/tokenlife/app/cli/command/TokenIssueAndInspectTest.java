package io.tokenlife.app.cli.command;

import io.tokenlife.app.cli.CliHarness;
import io.tokenlife.app.cli.CliHarness.Result;
import io.tokenlife.app.cli.FakeCliContext;
import io.tokenlife.domain.model.TokenClaims;
import io.tokenlife.domain.model.TokenRecord;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.model.TokenUse;
import io.tokenlife.domain.revocation.Revocation;
import io.tokenlife.domain.port.out.Verification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** token create, token decode, token verify. */
class TokenIssueAndInspectTest {
    private final FakeCliContext context = FakeCliContext.with();

    private Result run(String... args) {
        return CliHarness.run(context, args);
    }

    private TokenClaims claimsOf(String token) {
        return ((Verification.Verified) context.codec().verify(token)).token().claims();
    }

    @Test
    void create_prints_only_the_token_and_records_it_with_source_cli_and_a_jti() {
        Result r = run("token", "create", "--subject", "Alice@Example.com");

        assertThat(r.exit()).as(r.toString()).isZero();
        String token = r.out().strip();
        assertThat(r.out().lines()).hasSize(1);
        TokenClaims claims = claimsOf(token);
        assertThat(claims.subject()).isEqualTo("alice@example.com");
        assertThat(claims.hasJti()).isTrue();
        assertThat(claims.tokenUse()).isEqualTo(TokenUse.SESSION);
        TokenRecord record = context.store().find(claims.jti()).orElseThrow();
        assertThat(record.source()).isEqualTo(TokenSource.CLI);
        assertThat(r.err()).contains("issued jti=" + claims.jti());
    }

    @Test
    void create_refuses_a_scope_or_name_over_its_limit_naming_the_flag_before_anything_is_stored() {
        Result scope = run("token", "create", "--subject", "alice@example.com", "--scope",
                "s".repeat(io.tokenlife.domain.model.Limits.MAX_SCOPE + 1));
        Result name = run("token", "create", "--subject", "alice@example.com", "--api", "--exp", "5", "--name",
                "n".repeat(io.tokenlife.domain.model.Limits.MAX_TOKEN_NAME + 1));

        assertThat(scope.exit()).as(scope.toString()).isEqualTo(1);
        assertThat(scope.err()).contains("--scope").doesNotContain("unavailable");
        assertThat(name.exit()).as(name.toString()).isEqualTo(1);
        assertThat(name.err()).contains("--name").doesNotContain("unavailable");
        assertThat(scope.out()).isEmpty();
    }

    @Test
    void create_keeps_a_given_jti_adds_the_admin_claim_and_types_claim_values() {
        Result r = run("token", "create", "--subject", "bob@example.com", "--jti", "my-jti-1", "--admin",
                "--claim", "team=blue", "--claim", "level=3", "--claim", "beta=true", "--claim", "ratio=0.5",
                "--scope", "read write", "--exp", "5", "--api", "--name", "ci");

        assertThat(r.exit()).as(r.toString()).isZero();
        TokenClaims claims = claimsOf(r.out().strip());
        assertThat(claims.jti()).isEqualTo("my-jti-1");
        assertThat(claims.extra()).containsEntry("is_admin", true).containsEntry("team", "blue")
                .containsEntry("level", 3L).containsEntry("beta", true).containsEntry("ratio", new BigDecimal("0.5"));
        assertThat(claims.scope()).isEqualTo("read write");
        assertThat(claims.tokenUse()).isEqualTo(TokenUse.API);
        assertThat(claims.expiresAt()).isEqualTo(claims.issuedAt().plusSeconds(300));
        assertThat(context.store().find("my-jti-1").orElseThrow().name()).isEqualTo("ci");
    }

    @Test
    void create_with_no_db_issues_a_token_with_a_jti_without_recording_it() {
        context.unreachableDatabase();

        Result r = run("token", "create", "--subject", "alice@example.com", "--no-db");

        assertThat(r.exit()).as(r.toString()).isZero();
        TokenClaims claims = claimsOf(r.out().strip());
        assertThat(claims.hasJti()).isTrue();
        assertThat(context.store().find(claims.jti())).isEmpty();
        assertThat(r.err()).contains("not recorded: --no-db");
    }

    @Test
    void create_fails_when_the_database_cannot_be_opened_and_suggests_no_db() {
        context.unreachableDatabase();

        Result r = run("token", "create", "--subject", "alice@example.com");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("jdbc:postgresql://127.0.0.1:1/x").contains("--no-db")
                .doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void create_refuses_a_platform_claim_naming_the_flag() {
        Result r = run("token", "create", "--subject", "alice@example.com", "--claim", "iss=evil");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--claim").contains("'iss'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void create_refuses_an_api_token_without_expiry_naming_the_exp_flag() {
        Result r = run("token", "create", "--subject", "alice@example.com", "--api");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--exp");
    }

    @Test
    void create_without_subject_or_with_a_bad_exp_is_bad_usage() {
        Result missing = run("token", "create");
        Result notANumber = run("token", "create", "--subject", "a@b.c", "--exp", "soon");
        Result negative = run("token", "create", "--subject", "a@b.c", "--exp", "-5");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--subject");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--exp").contains("soon");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--exp must be a positive number of minutes");
    }

    @Test
    void claim_values_are_json_literals_only_for_numbers_and_booleans() {
        assertThat(io.tokenlife.app.cli.command.token.TokenCreateAccess.literal("42")).isEqualTo(42L);
        assertThat(io.tokenlife.app.cli.command.token.TokenCreateAccess.literal("false")).isEqualTo(false);
        assertThat(io.tokenlife.app.cli.command.token.TokenCreateAccess.literal("007")).isEqualTo("007");
        assertThat(io.tokenlife.app.cli.command.token.TokenCreateAccess.literal("True")).isEqualTo("True");
        assertThat(io.tokenlife.app.cli.command.token.TokenCreateAccess.literal("null")).isEqualTo("null");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decode_prints_header_and_claims_without_verifying() {
        String token = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + b64("{\"sub\":\"a@b.c\",\"exp\":1}") + ".c2ln";

        Result text = run("token", "decode", token);
        Result json = run("token", "decode", "--json", token);

        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("header:").contains("\"kid\" : \"k1\"").contains("claims:").contains("\"sub\" : \"a@b.c\"");
        assertThat(text.err()).contains("without verification");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).startsWith("{").contains("\"header\"").contains("\"claims\"");
    }

    @Test
    void decode_reads_the_token_from_stdin_with_a_dash() {
        context.stdin = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"x@y.z\"}") + ".\n";

        Result r = run("token", "decode", "-");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("x@y.z");
    }

    @Test
    void decode_of_a_malformed_token_exits_1_with_a_sentence() {
        Result parts = run("token", "decode", "not-a-token");
        Result json = run("token", "decode", b64("{\"alg\"") + "." + b64("{}") + ".x");

        assertThat(parts.exit()).isEqualTo(1);
        assertThat(parts.err()).contains("the token is malformed").contains("three base64url parts").doesNotContain("Exception");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.err()).contains("the header is not a JSON object");
    }

    @Test
    void verify_accepts_a_token_issued_by_create_and_prints_the_verdict() {
        String token = run("token", "create", "--subject", "alice@example.com").out().strip();

        Result r = run("token", "verify", token);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("valid").contains("subject: alice@example.com");
        assertThat(r.err()).doesNotContain("NOT checked");
    }

    @Test
    void verify_rejects_a_revoked_token_with_token_revoked_and_exit_1() {
        String token = run("token", "create", "--subject", "alice@example.com", "--jti", "j-rev").out().strip();
        assertThat(run("token", "revoke", "j-rev").exit()).isZero();

        Result r = run("token", "verify", token);
        Result json = run("token", "verify", "--json", token);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rejected: token_revoked");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"valid\" : false").contains("\"code\" : \"token_revoked\"");
    }

    @Test
    void verify_warns_about_a_token_without_jti() {
        Instant now = context.fixture.clock.instant();
        String token = context.codec().forge(TokenClaims.builder().issuer("mcpgateway").audience("mcpgateway-api")
                .subject("legacy@example.com").issuedAt(now).expiresAt(now.plusSeconds(600)).build());

        Result r = run("token", "verify", token);
        Result json = run("token", "verify", "--json", token);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("jti: (none)").contains("warning: token_missing_jti_accepted");
        assertThat(json.out()).contains("\"warnings\" : [ \"token_missing_jti_accepted\" ]");
    }

    @Test
    void verify_of_a_bad_token_exits_1_with_the_code() {
        Result r = run("token", "verify", "garbage");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rejected: ").contains("detail: ");
    }

    @Test
    void verify_without_the_database_says_revocations_were_not_checked() {
        String token = run("token", "create", "--subject", "alice@example.com", "--jti", "j-off").out().strip();
        context.store().revoke(new Revocation("j-off", "alice@example.com", context.fixture.clock.instant(), "t", null, null));

        Result noDb = run("token", "verify", "--no-db", "--json", token);
        context.unreachableDatabase();
        Result unreachable = run("token", "verify", token);

        assertThat(noDb.exit()).as(noDb.toString()).isZero();
        assertThat(noDb.err()).contains("revocations and users").contains("NOT checked");
        assertThat(noDb.out()).contains("\"checks_skipped\" : [ \"revocation\", \"user\" ]");
        assertThat(unreachable.exit()).as(unreachable.toString()).isZero();
        assertThat(unreachable.err()).contains("warning: database jdbc:postgresql://127.0.0.1:1/x").contains("NOT checked")
                .doesNotContain("hunter2");
    }

    @Test
    void verify_json_of_a_valid_token_has_claims_and_empty_warnings() {
        String token = run("token", "create", "--subject", "alice@example.com", "--jti", "j-json").out().strip();

        Result r = run("token", "verify", "--json", token);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"valid\" : true").contains("\"jti\" : \"j-json\"").contains("\"warnings\" : [ ]")
                .contains("\"checks_skipped\" : [ ]");
        assertThat(List.of(r.out().split("\n"))).isNotEmpty();
    }
}
