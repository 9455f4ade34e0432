package io.tokenlife.app.cli.port;

import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.service.TokenServices;
import io.tokenlife.domain.settings.TokenlifeSettings;

import java.time.Clock;

/**
 * What the subcommands may use: the settings, the domain use cases with or without a database, and the
 * few CLI-only tools (decoding, keys, schema, users). Built lazily by the composition root, so that a
 * command that needs no database never opens one; tests hand the commands a context over fakes.
 */
public interface CliContext {
    /** The configuration (environment plus {@code .env}); a bad value is an {@code InvalidSettingsException}. */
    TokenlifeSettings settings();

    /**
     * The use cases over the configured database: opened, migrated, live revocations loaded.
     * @throws DatabaseUnavailableException when the database cannot be opened
     */
    TokenServices services();

    /**
     * The use cases without any database: nothing is recorded, no revocation or user is known, and
     * {@code REQUIRE_USER_IN_DB} is not applied.
     */
    TokenServices offlineServices();

    /** User management over the database's user store (the domain's use case). */
    ManageUsersUseCase users();

    SchemaTool schema();

    /** The whole configuration as the service sees it: its review, and every variable with its origin. */
    ConfigurationTool configuration();

    KeyTool keys();

    TokenInspector inspector();

    /** The clock the use cases run on, to show statuses consistently with them. */
    Clock clock();

    /** Who the CLI acts as, recorded as {@code revoked_by}: {@code cli:<OS user>}. */
    String operator();

    /** The whole standard input, for secrets and tokens that should not appear in shell history. */
    String readStandardInput();
}
