package io.tokenlife.app.cli;

import io.tokenlife.app.cli.port.CliContext;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.ConfigurationTool;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.app.cli.port.SchemaTool;
import io.tokenlife.app.cli.port.TokenInspector;
import io.tokenlife.app.cli.wiring.JsonTokenInspector;
import io.tokenlife.app.cli.wiring.ServiceConfigurationTool;
import io.tokenlife.domain.fakes.DomainFixture;
import io.tokenlife.domain.fakes.FakeTokenCodec;
import io.tokenlife.domain.fakes.InMemoryTokenStore;
import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.fakes.PlainPasswordHasher;
import io.tokenlife.domain.fakes.TestSettings;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.service.TokenServices;
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
 * A context over the domain's in-memory fakes: the "database" is the fixture's store; the offline
 * services share the codec (so offline tokens verify) but know no registry, revocation or user.
 */
public final class FakeCliContext implements CliContext {
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

    @Override
    public TokenlifeSettings settings() {
        return TokenlifeSettings.from(sources().merged());
    }

    @Override
    public ConfigurationTool configuration() {
        return new ServiceConfigurationTool(this::sources);
    }

    private ConfigSources sources() {
        return new ConfigSources(variables, dotEnv);
    }

    @Override
    public TokenServices services() {
        requireDatabase();
        return fixture.services;
    }

    @Override
    public TokenServices offlineServices() {
        InMemoryTokenStore nothing = new InMemoryTokenStore();
        return new TokenServices(fixture.services.settings(), new TokenServices.Ports(fixture.codec, fixture.codec,
                nothing, nothing, nothing, new InMemoryUserDirectory(), new PlainPasswordHasher(),
                new UuidJtiGenerator(), fixture.events, fixture.clock));
    }

    @Override
    public ManageUsersUseCase users() {
        return services().manageUsers(fixture.users);
    }

    @Override
    public SchemaTool schema() {
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

    @Override
    public KeyTool keys() {
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

    @Override
    public TokenInspector inspector() {
        return new JsonTokenInspector();
    }

    @Override
    public java.time.Clock clock() {
        return fixture.clock;
    }

    @Override
    public String operator() {
        return "cli:tester";
    }

    @Override
    public String readStandardInput() {
        return stdin;
    }

    private void requireDatabase() {
        if (!databaseReachable) {
            throw new DatabaseUnavailableException("database " + settings().database().redactedUrl()
                    + " cannot be used: Connection to 127.0.0.1:1 refused (check DATABASE_URL)", null);
        }
    }
}
