package io.tokenlife.app.cli.process;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.cli.process.CliProcess.Result;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.TokenSource;
import io.tokenlife.domain.port.in.LoginCommand;
import io.tokenlife.domain.port.in.LoginResult;
import io.tokenlife.domain.port.in.RefreshSessionCommand;
import io.tokenlife.domain.port.in.RefreshSessionResult;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.Secret;
import io.tokenlife.domain.settings.TokenlifeSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code token list --family} and {@code token revoke-family} through the real CLI process, on an H2 file
 * that a service (here: the real adapters in this JVM, closed before the CLI opens the file) wrote a login
 * and a refresh into.
 */
class RefreshFamilyCliIT {
    private static final String SECRET = "refresh-family-secret-0123456789-0123456789";
    private static final String ADMIN = "admin@example.com";
    private static final String PASSWORD = "refresh-family-admin-password";

    @TempDir
    Path dir;

    @BeforeEach
    void adapters() {
        Adapters.assumeLanded();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db/tokenlife").toAbsolutePath();
    }

    private CliProcess cli() {
        return new CliProcess(dir).env("JWT_SECRET_KEY", SECRET).env("DATABASE_URL", url());
    }

    /** The use cases of a service on the same file, for as long as {@code work} runs. */
    private <T> T service(Function<UseCases, T> work) {
        TokenlifeSettings settings = TokenlifeSettings.fromMap(Map.of("DATABASE_URL", url(), "JWT_SECRET_KEY", SECRET,
                "PLATFORM_ADMIN_EMAIL", ADMIN, "PLATFORM_ADMIN_PASSWORD", PASSWORD));
        Clock clock = Clock.systemUTC();
        JwtAdapters jwt = JwtAdapters.create(settings, clock);
        try (PersistenceAdapters db = PersistenceAdapters.open(settings, clock)) {
            db.migrate();
            db.startRevocationSync();
            UseCases useCases = UseCases.wire(new Ports(jwt.signer(), jwt.verifier(), db.registry(), db.revocations(),
                    db.revocationIndex(), db.users(), db.passwords(), new UuidJtiGenerator(), SsoProviders.none(),
                    ExternalTokenVerifier.none(), event -> { }, clock).withRefreshTokens(db.refreshTokens()),
                    DomainSettings.from(settings));
            return work.apply(useCases);
        }
    }

    @Test
    void anOperatorListsAFamilyAndRevokesItAndItsRefreshTokensAreRefusedFromThenOn() {
        LoginResult.LoggedIn login = service(u -> (LoginResult.LoggedIn) u.login().login(new LoginCommand(ADMIN,
                new Secret(PASSWORD), TokenSource.LOGIN, "127.0.0.1")));
        String family = login.refresh().orElseThrow().familyId();
        RefreshSessionResult.Refreshed refreshed = service(u -> (RefreshSessionResult.Refreshed) u.refreshSession()
                .refresh(new RefreshSessionCommand(login.refresh().get().value(), "127.0.0.1")));
        String current = refreshed.session().refresh().orElseThrow().value();

        Result listed = cli().run("token", "list", "--family", family, "--json");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("\"jti\" : \"" + login.token().jti() + "\"")
                .contains("\"jti\" : \"" + refreshed.session().access().jti() + "\"")
                .contains("\"family_id\" : \"" + family + "\"")
                .contains("\"source\" : \"refresh\"")
                .contains("\"state\" : \"spent\"").contains("\"state\" : \"current\"")
                .doesNotContain(current).doesNotContain(login.refresh().get().value());
        Result table = cli().run("token", "list", "--family", family);
        assertThat(table.out()).contains("REFRESH_TOKEN_ID").contains(login.refresh().get().id());

        Result revoked = cli().run("token", "revoke-family", family, "--reason", "laptop lost");
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("revoked family " + family + " of " + ADMIN + ": 2 live access token(s)");

        Result verified = cli().run("token", "verify", "--json", refreshed.session().access().compact());
        assertThat(verified.exit()).as(verified.toString()).isEqualTo(1);
        assertThat(verified.out()).contains("\"code\" : \"token_revoked\"");
        RefreshSessionResult after = service(u -> u.refreshSession().refresh(new RefreshSessionCommand(current,
                "127.0.0.1")));
        assertThat(after).isEqualTo(new RefreshSessionResult.Refused(RefreshSessionResult.Why.REVOKED));
        Result statuses = cli().run("token", "list", "--family", family, "--status", "active", "--json");
        assertThat(statuses.out()).contains("\"items\" : [ ]");
    }

    @Test
    void anUnknownFamilyFailsAndNoFamilyArgumentIsAUsageError() {
        cli().run("db", "migrate");

        Result unknown = cli().run("token", "revoke-family", "no-such-family");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("no token family no-such-family");

        Result missing = cli().run("token", "revoke-family");
        assertThat(missing.exit()).isEqualTo(2);
        Result tooLong = cli().run("token", "revoke-family", "f".repeat(300));
        assertThat(tooLong.exit()).as(tooLong.toString()).isEqualTo(2);
        assertThat(tooLong.err()).contains("FAMILY");
    }
}
