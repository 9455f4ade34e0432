package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.port.Configuration;
import io.tokenlife.app.cli.port.DatabaseUnavailableException;
import io.tokenlife.app.cli.port.OfflineValidating;
import io.tokenlife.app.cli.port.StandardInput;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "verify", description = {
        "Run the full validation policy on a token and print the verdict, the code and any warnings.",
        "Exit 0 when valid, 1 when rejected. Without a database (--no-db, or when it cannot be opened) "
                + "revocations and users are not checked, and stderr says so."})
public final class TokenVerifySubcommand extends CliCommand {
    @Parameters(paramLabel = "TOKEN", description = "The compact token, or - to read it from stdin.")
    String token;

    @Option(names = "--json", description = "{\"valid\", \"code\", \"detail\", \"claims\", \"warnings\", \"checks_skipped\"} as JSON.")
    boolean json;

    @Option(names = "--no-db", description = "Do not open the database: skip the revocation and user checks.")
    boolean noDb;

    private final ValidateTokenUseCase validate;
    private final OfflineValidating offline;
    private final StandardInput stdin;
    private final Configuration configuration;

    public TokenVerifySubcommand(ValidateTokenUseCase validate, OfflineValidating offline, StandardInput stdin,
                                 Configuration configuration) {
        this.validate = validate;
        this.offline = offline;
        this.stdin = stdin;
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        String compact = stdin.orValue(token);
        SharedKey.verificationNote(configuration.settings()).ifPresent(err()::println);
        ValidationResult result = null;
        boolean withoutDatabase = noDb;
        if (!noDb) {
            try {
                result = validate.validate(compact);
            } catch (DatabaseUnavailableException e) {
                err().println("warning: " + e.getMessage());
                withoutDatabase = true;
            }
        }
        List<String> skipped = withoutDatabase ? List.of("revocation", "user") : List.of();
        if (withoutDatabase) {
            err().println("note: verified without the database: revocations and users (REQUIRE_USER_IN_DB) "
                    + "were NOT checked");
            result = offline.validate(compact);
        }
        if (json) {
            out().println(JsonOutput.write(verdict(result, skipped)));
        } else {
            printText(result);
        }
        return result.isValid() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Map<String, Object> verdict(ValidationResult result, List<String> skipped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", result.isValid());
        if (result instanceof ValidationResult.Valid valid) {
            m.put("claims", ClaimsJson.of(valid.claims()));
            m.put("warnings", valid.warnings().stream().map(ValidationWarning::wireName).toList());
            m.put("platform_admin", valid.platformAdmin());
        } else {
            ValidationResult.Rejected rejected = (ValidationResult.Rejected) result;
            m.put("code", rejected.code().wireName());
            m.put("detail", rejected.detail());
            m.put("warnings", List.of());
        }
        m.put("checks_skipped", skipped);
        return m;
    }

    private void printText(ValidationResult result) {
        if (result instanceof ValidationResult.Rejected rejected) {
            out().println("rejected: " + rejected.code().wireName());
            out().println("detail: " + rejected.detail());
            return;
        }
        ValidationResult.Valid valid = (ValidationResult.Valid) result;
        out().println("valid");
        out().println("subject: " + valid.claims().subject());
        out().println("jti: " + (valid.claims().hasJti() ? valid.claims().jti() : "(none)"));
        out().println("token_use: " + (valid.claims().tokenUse() == null ? "(none)" : valid.claims().tokenUse().wireName()));
        out().println("expires_at: " + (valid.claims().expiresAt() == null ? "(never)" : valid.claims().expiresAt()));
        for (ValidationWarning warning : valid.warnings()) {
            out().println("warning: " + warning.wireName() + describe(warning));
        }
    }

    private static String describe(ValidationWarning warning) {
        if (warning == ValidationWarning.TOKEN_MISSING_JTI_ACCEPTED) {
            return " (the token has no jti: accepted because REQUIRE_JTI=false, but it cannot be revoked on its own)";
        }
        return "";
    }
}
