package io.tokenlife.app.cli.process;

import io.tokenlife.app.cli.process.CliProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real CLI managing keys over an H2 file: import the static key without invalidating its token,
 * rotate, list, revoke, and the clear errors (unknown kid, the only active key, static mode).
 */
class CliKeysIT {
    private static final String SECRET = "cli-keys-secret-0123456789-0123456789-abcdef";
    private static final String KEK = "cli-keys-key-encryption-secret-0123456789-abcd";

    @TempDir
    Path dir;

    @BeforeEach
    void adapters() {
        Adapters.assumeLanded();
    }

    private CliProcess statik() {
        return new CliProcess(dir).env("JWT_SECRET_KEY", SECRET)
                .env("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("db/tokenlife").toAbsolutePath());
    }

    private CliProcess managed() {
        return statik().env("KEY_MANAGEMENT", "managed").env("KEY_ENCRYPTION_SECRET", KEK);
    }

    private static Result ok(Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void importRotateRevokeWithoutInvalidatingATokenOfAnotherKey() {
        ok(statik().run("db", "migrate"));
        String staticToken = ok(statik().run("token", "create", "--subject", "alice@example.com", "--exp", "10")).out().strip();
        Result refused = statik().run("keys", "list");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("KEY_MANAGEMENT=static");

        Result imported = ok(managed().run("keys", "import"));
        assertThat(imported.out()).contains("is managed now (active)", "0 tokens recorded without a kid");
        ok(managed().runWithInput(staticToken, "token", "verify", "-"));

        Result rotated = ok(managed().run("keys", "rotate", "--now"));
        assertThat(rotated.out()).contains("signs from now on");
        String managedToken = ok(managed().run("token", "create", "--subject", "bob@example.com", "--exp", "10")).out().strip();
        ok(managed().runWithInput(staticToken, "token", "verify", "-"));

        Result listed = ok(managed().run("keys", "list", "--json"));
        assertThat(listed.out()).contains("\"state\" : \"retired\"", "\"state\" : \"active\"", "\"live_tokens\" : 1")
                .doesNotContain("\"d\"", SECRET);
        Matcher retired = Pattern.compile("\"kid\" : \"([^\"]+)\",\\s+\"alg\" : \"HS256\",\\s+\"state\" : \"retired\"")
                .matcher(listed.out());
        assertThat(retired.find()).as(listed.out()).isTrue();
        String oldKid = retired.group(1);

        Result revoked = ok(managed().run("keys", "revoke", oldKid, "--reason", "leaked in a log"));
        assertThat(revoked.out()).contains("every token it signed are refused");
        Result rejected = managed().run("token", "verify", "--json", staticToken);
        assertThat(rejected.exit()).as(rejected.toString()).isEqualTo(1);
        assertThat(rejected.out()).contains("\"code\" : \"token_revoked\"");
        ok(managed().runWithInput(managedToken, "token", "verify", "-"));
    }

    @Test
    void unknownKidsTheOnlyActiveKeyAndAMissingReasonAreClearErrorsThatChangeNothing() {
        ok(statik().run("db", "migrate"));
        ok(managed().run("keys", "import"));
        String kid = ok(managed().run("keys", "list")).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

        Result unknown = managed().run("keys", "revoke", "no-such-kid", "--reason", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("KID: no managed signing key has kid 'no-such-kid'");

        Result only = managed().run("keys", "revoke", kid, "--reason", "x");
        assertThat(only.exit()).isEqualTo(2);
        assertThat(only.err()).contains("only active key", "keys rotate --now");

        Result noReason = managed().run("keys", "revoke", kid);
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");

        Result wrongSecret = managed().env("KEY_ENCRYPTION_SECRET", KEK + "-wrong").run("keys", "list");
        assertThat(wrongSecret.exit()).isEqualTo(1);
        assertThat(wrongSecret.err()).contains("KEY_ENCRYPTION_SECRET does not open").doesNotContain(KEK);

        assertThat(ok(managed().run("keys", "list")).out()).contains(kid + " ").contains("active");
    }
}
