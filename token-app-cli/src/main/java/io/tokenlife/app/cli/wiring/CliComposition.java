package io.tokenlife.app.cli.wiring;

import io.tokenlife.adapters.jwt.JwtAdapters;
import io.tokenlife.adapters.persistence.PersistenceAdapters;
import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.KeyPorts;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.ConfigSources;
import io.tokenlife.domain.settings.DotEnv;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CLI's composition root: settings, then adapters, then use cases, each built on first use so that
 * a command only opens what it needs ({@code token decode} reads nothing; {@code config check} opens no
 * database). The use cases come in two sets, over the configured database and without one. The only
 * class of the CLI that knows the adapter modules.
 */
public final class CliComposition implements AutoCloseable {
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
    private UseCases online;
    private UseCases offline;

    private CliComposition(Map<String, String> environment, Path workingDirectory, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.stdin = stdin;
    }

    /** The process environment plus {@code .env} of {@code workingDirectory}; the environment wins. */
    public static CliComposition fromEnvironment(Map<String, String> environment, Path workingDirectory, InputStream stdin) {
        return new CliComposition(environment, workingDirectory, stdin);
    }

    /** The parts the subcommands ask for; nothing is opened until a part is used. */
    public CliContext context() {
        return new CliContext(this::settings, new ServiceConfigurationTool(this::sources),
                command -> online().issueToken().issue(command),
                command -> offline().issueToken().issue(command),
                token -> online().validateToken().validate(token),
                token -> offline().validateToken().validate(token),
                command -> online().revokeToken().revoke(command),
                command -> online().revokeAllTokens().revokeAll(command),
                query -> online().listTokens().list(query),
                () -> online().purgeExpired().purge(),
                Lazy.of(ManageUsersUseCase.class, () -> online().manageUsers()),
                new PersistenceSchemaTool(() -> settings().database(), () -> database(false)),
                new AdapterKeyTool(this::settings, this::jwt),
                new JsonTokenInspector(),
                this::readStandardInput,
                Actor.operator("cli:" + System.getProperty("user.name", "unknown")),
                clock,
                Lazy.of(ManageSigningKeysUseCase.class, () -> online().signingKeys()),
                Lazy.of(ManageFamiliesUseCase.class, () -> online().families()));
    }

    @Override
    public void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    private TokenlifeSettings settings() {
        if (settings == null) {
            settings = TokenlifeSettings.from(sources().merged());
        }
        return settings;
    }

    private ConfigSources sources() {
        if (sources == null) {
            sources = new ConfigSources(environment, dotEnv());
        }
        return sources;
    }

    /** Over the configured database: opened, migrated, live revocations loaded; never created here. */
    private UseCases online() {
        if (online == null) {
            ExistingDatabase.require(settings().database());
            PersistenceAdapters db = database(true);
            run(db::startRevocationSync);
            Ports ports = new Ports(jwt().signer(), jwt().verifier(), db.registry(), db.revocations(),
                    db.revocationIndex(), db.users(), db.passwords(), new UuidJtiGenerator(), SsoProviders.none(),
                    ExternalTokenVerifier.none(), events, clock).withRefreshTokens(db.refreshTokens());
            Optional<KeyPorts> managed = jwt().managedMaterials().map(m -> KeyPorts.managed(db.signingKeys(), m,
                    jwt().managedRing().orElseThrow()));
            online = UseCases.wire(managed.map(ports::withKeys).orElse(ports), DomainSettings.from(settings()));
            if (managed.isPresent()) {
                loadManagedKeys(online);
            }
        }
        return online;
    }

    /** Managed keys: the CLI signs and verifies with the stored keys; it never runs the schedule itself. */
    private void loadManagedKeys(UseCases useCases) {
        RunKeyScheduleUseCase.Report report;
        try {
            report = useCases.keySchedule().reload();
        } catch (JwtAdapters.KeyLoadException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        report.waiting().ifPresent(w -> {
            throw new CliFailure(w);
        });
    }

    /** Without any database: nothing is recorded, no revocation or user is known. */
    private UseCases offline() {
        if (offline == null) {
            offline = UseCases.wire(Ports.offline(jwt().signer(), jwt().verifier(), new UuidJtiGenerator(), events,
                    clock), DomainSettings.from(settings()).withoutUserChecks());
        }
        return offline;
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

    private <T> T guard(Supplier<T> step) {
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

    private String readStandardInput() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
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
