package io.tokenlife.app.cli.port;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.IssueTokenUseCase;
import io.tokenlife.domain.port.in.ListTokensUseCase;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.ManageUsersUseCase;
import io.tokenlife.domain.port.in.PurgeExpiredUseCase;
import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.in.RevokeTokenUseCase;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything a subcommand may ask for in its constructor; the command-line factory hands each one only
 * the parts it declares. Every part opens what it needs (configuration, keys, database) on first use,
 * so that {@code token decode} reads nothing and {@code config check} opens no database. The use cases
 * over the database throw {@link DatabaseUnavailableException} when it cannot be opened.
 *
 * @param operator who the CLI acts as ({@code cli:<OS user>}, recorded as {@code revoked_by})
 * @param clock the clock the use cases run on, to show statuses consistently with them
 * @param signingKeys the managed signing keys ({@code keys list|rotate|retire|revoke|import})
 * @param families refresh-token families ({@code token list --family}, {@code token revoke-family})
 */
public record CliContext(Configuration configuration, ConfigurationTool configurationTool, IssueTokenUseCase issue, OfflineIssuing offlineIssue,
                         ValidateTokenUseCase validate, OfflineValidating offlineValidate, RevokeTokenUseCase revoke,
                         RevokeAllTokensUseCase revokeAll, ListTokensUseCase list,
                         PurgeExpiredUseCase purge, ManageUsersUseCase users, SchemaTool schema, KeyTool keys,
                         TokenInspector inspector, StandardInput stdin, Actor operator, Clock clock,
                         ManageSigningKeysUseCase signingKeys, ManageFamiliesUseCase families) {
    public CliContext {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(configurationTool, "configurationTool");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(offlineIssue, "offlineIssue");
        Objects.requireNonNull(validate, "validate");
        Objects.requireNonNull(offlineValidate, "offlineValidate");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(revokeAll, "revokeAll");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(purge, "purge");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(families, "families");
    }
}
