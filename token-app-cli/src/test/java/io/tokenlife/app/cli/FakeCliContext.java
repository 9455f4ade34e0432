package io.tokenlife.app.cli;

import io.tokenlife.domain.port.in.ManageFamiliesUseCase;

import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.app.cli.port.SchemaTool;
import io.tokenlife.app.cli.wiring.JsonTokenInspector;
import io.tokenlife.app.cli.wiring.Lazy;
import io.tokenlife.app.cli.wiring.ServiceConfigurationTool;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.fakes.FakeTokenCodec;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.ConfigSources;
import io.tokenlife.domain.settings.SigningAlgorithm;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A context over the domain's in-memory fakes: the "database" is the fixture's store; the offline use
 * cases share the codec (so offline tokens verify) but know no registry, revocation or user.
 */
public final class FakeCliContext {
    public static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/x?user=admin&password=hunter2";

    public final Map<String, String> variables = new HashMap<>();
    /** What a {@code .env} file would hold; {@link #variables} play the environment and win over it. */
    public final Map<String, String> dotEnv = new HashMap<>();
    public final DomainFixture fixture;
    public boolean databaseReachable = true;
    public String stdin = "";
    public int migrations = 3;
    public String keyProblem;

    private FakeCliContext(String... keyValues) {
        variables.put("JWT_SECRET_KEY", TestSettings.SECRET);
        variables.put("DATABASE_URL", "jdbc:h2:mem:test");
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put(keyValues[i], keyValues[i + 1]);
        }
        fixture = new DomainFixture(TestSettings.with(keyValues));
    }

    public static FakeCliContext with(String... keyValues) {
        return new FakeCliContext(keyValues);
    }

    public FakeCliContext unreachableDatabase() {
        databaseReachable = false;
        variables.put("DATABASE_URL", UNREACHABLE_URL);
        return this;
    }

    public FakeTokenCodec codec() {
        return fixture.codec;
    }

    public InMemoryTokenStore store() {
        return fixture.store;
    }

    public InMemoryUserDirectory userStore() {
        return fixture.users;
    }

    /** The parts the subcommands ask for; the "database" ones fail while it is unreachable. */
    public CliContext context() {
        UseCases offline = UseCases.wire(Ports.offline(fixture.codec, fixture.codec, new UuidJtiGenerator(),
                fixture.events, fixture.clock), fixture.settings.withoutUserChecks());
        return new CliContext(this::settings, new ServiceConfigurationTool(this::sources),
                command -> online().issueToken().issue(command),
                command -> offline.issueToken().issue(command),
                token -> online().validateToken().validate(token),
                token -> offline.validateToken().validate(token),
                command -> online().revokeToken().revoke(command),
                command -> online().revokeAllTokens().revokeAll(command),
                query -> online().listTokens().list(query),
                () -> online().purgeExpired().purge(),
                Lazy.of(ManageUsersUseCase.class, () -> online().manageUsers()),
                schema(),
                keys(),
                new JsonTokenInspector(),
                () -> stdin,
                Actor.operator("cli:tester"),
                fixture.clock,
                Lazy.of(ManageSigningKeysUseCase.class, () -> online().signingKeys()),
                Lazy.of(ManageFamiliesUseCase.class, () -> online().families()));
    }


    private TokenlifeSettings settings() {
        return TokenlifeSettings.from(sources().merged());
    }

    private ConfigSources sources() {
        return new ConfigSources(variables, dotEnv);
    }

    private UseCases online() {
        requireDatabase();
        return fixture.services;
    }


    private SchemaTool schema() {
        return new SchemaTool() {
            @Override
            public int migrate() {
                requireDatabase();
                int applied = migrations;
                migrations = 0;
                return applied;
            }

            @Override
            public SchemaInfo info() {
                return new SchemaInfo(settings().database().redactedUrl(), "h2 (in memory, ephemeral)",
                        databaseReachable, List.of("applied migrations: 3"));
            }
        };
    }

    private KeyTool keys() {
        return new KeyTool() {
            @Override
            public GeneratedKey generate(SigningAlgorithm algorithm) {
                return algorithm.isSymmetric() ? GeneratedKey.secret("generated-secret-for-" + algorithm)
                        : GeneratedKey.pair("-----BEGIN PRIVATE KEY-----\nfake\n-----END PRIVATE KEY-----\n",
                        "-----BEGIN PUBLIC KEY-----\nfake\n-----END PUBLIC KEY-----\n");
            }

            @Override
            public String publicJwkSet(Optional<Path> publicKey, Optional<SigningAlgorithm> algorithm) {
                return publicKey.map(p -> "{\"keys\":[{\"kid\":\"" + p.getFileName() + "\"}]}").orElse("{\"keys\":[]}");
            }

            @Override
            public void checkConfiguredKeys() {
                if (keyProblem != null) {
                    throw new CliFailure(keyProblem);
                }
            }
        };
    }

    private void requireDatabase() {
        if (!databaseReachable) {
            throw new DatabaseUnavailableException("database " + settings().database().redactedUrl()
                    + " cannot be used: Connection to 127.0.0.1:1 refused (check DATABASE_URL)", null);
        }
    }
}
