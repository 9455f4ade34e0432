package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.ConfigurationTool;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.app.cli.port.SchemaTool;
import io.tokenlife.app.cli.port.TokenInspector;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.service.TokenServices;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.ConfigSources;
import io.tokenlife.domain.settings.DotEnv;
import io.tokenlife.domain.settings.TokenlifeSettings;
import io.tokenlife.domain.settings.ValidationSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The CLI's composition root: settings, then adapters, then use cases, each built on first use so that
 * a command only opens what it needs ({@code token decode} reads nothing; {@code config check} opens no
 * database). The only class of the CLI that knows the adapter modules.
 */
public final class CliComposition implements CliContext, AutoCloseable {
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final InputStream stdin;
    private final Clock clock = Clock.systemUTC();
    private final LoggingSecurityEvents events = new LoggingSecurityEvents();

    private ConfigSources sources;
    private TokenlifeSettings settings;
    private JwtAdapters jwt;
    private PersistenceAdapters persistence;
    private boolean migrated;
    private TokenServices online;
    private TokenServices offline;

    private CliComposition(Map<String, String> environment, Path workingDirectory, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.stdin = stdin;
    }

    /** The process environment plus {@code .env} of {@code workingDirectory}; the environment wins. */
    public static CliComposition fromEnvironment(Map<String, String> environment, Path workingDirectory, InputStream stdin) {
        return new CliComposition(environment, workingDirectory, stdin);
    }

    @Override
    public TokenlifeSettings settings() {
        if (settings == null) {
            settings = TokenlifeSettings.from(sources().merged());
        }
        return settings;
    }

    @Override
    public ConfigurationTool configuration() {
        return new ServiceConfigurationTool(this::sources);
    }

    @Override
    public TokenServices services() {
        if (online == null) {
            ExistingDatabase.require(settings().database());
            PersistenceAdapters db = database(true);
            run(db::startRevocationSync);
            online = new TokenServices(settings(), new TokenServices.Ports(jwt().signer(), jwt().verifier(),
                    db.registry(), db.revocations(), db.revocationIndex(), db.users(), db.passwords(),
                    new UuidJtiGenerator(), events, clock));
        }
        return online;
    }

    @Override
    public TokenServices offlineServices() {
        if (offline == null) {
            OfflineStores none = new OfflineStores();
            offline = new TokenServices(withoutUserChecks(settings()), new TokenServices.Ports(jwt().signer(),
                    jwt().verifier(), none, none, none, OfflineStores.noUsers(), none, new UuidJtiGenerator(), events, clock));
        }
        return offline;
    }

    @Override
    public ManageUsersUseCase users() {
        return services().manageUsers(database(true).users());
    }

    @Override
    public SchemaTool schema() {
        return new PersistenceSchemaTool(settings().database(), () -> database(false),
                () -> ExistingDatabase.require(settings().database()));
    }

    @Override
    public KeyTool keys() {
        return new AdapterKeyTool(this::settings, this::jwt);
    }

    @Override
    public TokenInspector inspector() {
        return new JsonTokenInspector();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String operator() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Override
    public String readStandardInput() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    @Override
    public void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    private JwtAdapters jwt() {
        if (jwt == null) {
            try {
                jwt = JwtAdapters.create(settings(), clock);
            } catch (JwtAdapters.KeyLoadException e) {
                throw new CliFailure(e.getMessage(), e);
            }
        }
        return jwt;
    }

    /** Opens (and when asked migrates) the database; any failure names it without credentials. */
    private PersistenceAdapters database(boolean migrate) {
        if (persistence == null) {
            persistence = guard(() -> PersistenceAdapters.open(settings(), clock));
        }
        if (migrate && !migrated) {
            run(persistence::migrate);
            migrated = true;
        }
        return persistence;
    }

    private <T> T guard(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw DatabaseFailures.unavailable(settings().database(), e);
        }
    }

    private void run(Runnable step) {
        guard(() -> {
            step.run();
            return null;
        });
    }

    /** Without a database no user is known, so REQUIRE_USER_IN_DB cannot be applied. */
    private static TokenlifeSettings withoutUserChecks(TokenlifeSettings s) {
        ValidationSettings v = s.validation();
        ValidationSettings relaxed = new ValidationSettings(v.issuerVerification(), v.audienceVerification(), v.leeway(),
                v.requireExpiration(), v.requireJti(), v.validateEnvironment(), false, v.verifiedTokenCacheSize());
        return new TokenlifeSettings(s.environment(), s.jwt(), relaxed, s.issuance(), s.admin(), s.database());
    }

    private ConfigSources sources() {
        if (sources == null) {
            sources = new ConfigSources(environment, dotEnv());
        }
        return sources;
    }

    private Map<String, String> dotEnv() {
        Path file = workingDirectory.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return DotEnv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(".env: cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
