package io.tokenlife.app.cli.command.config;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.port.CliFailure;
import io.tokenlife.app.cli.port.ConfigurationTool;
import io.tokenlife.app.cli.port.KeyTool;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.policy.ConfigurationReview;
import io.tokenlife.domain.settings.InvalidSettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "check", description = {"Print the startup review of the configuration (environment plus .env), "
        + "as the service runs it: variables that look like ours but are not, weak keys, unsafe settings.",
        "Exit 1 when the service would refuse to start; with --strict also on any warning."})
public final class ConfigCheckSubcommand extends CliCommand {
    @Option(names = "--strict", description = "Exit 1 on any warning too.")
    boolean strict;

    @Option(names = "--json", description = "{\"ok\", \"errors\", \"warnings\", \"findings\": [{severity, code, variables, message}]}.")
    boolean json;

    private final ConfigurationTool configuration;
    private final KeyTool keys;

    public ConfigCheckSubcommand(ConfigurationTool configuration, KeyTool keys) {
        this.configuration = configuration;
        this.keys = keys;
    }

    @Override
    public Integer call() {
        List<ConfigurationFinding> findings = new ArrayList<>();
        try {
            findings.addAll(configuration.review());
            if (!ConfigurationReview.hasErrors(findings)) {
                keys.checkConfiguredKeys();
            }
        } catch (InvalidSettingsException e) {
            findings.add(new ConfigurationFinding(ConfigurationFinding.Severity.ERROR, "invalid_value",
                    List.of(e.variable()), e.getMessage()));
        } catch (CliFailure e) {
            findings.add(new ConfigurationFinding(ConfigurationFinding.Severity.ERROR, "key_unusable",
                    List.of("JWT_PRIVATE_KEY_PATH", "JWT_PUBLIC_KEY_PATH"), e.getMessage()));
        }
        long errors = findings.stream().filter(ConfigurationFinding::isError).count();
        long warnings = findings.size() - errors;
        boolean ok = errors == 0 && !(strict && warnings > 0);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", ok);
            m.put("errors", errors);
            m.put("warnings", warnings);
            m.put("findings", findings.stream().map(ConfigCheckSubcommand::toMap).toList());
            out().println(JsonOutput.write(m));
        } else {
            for (ConfigurationFinding f : findings) {
                out().println(f.severity().name() + " " + f.code() + " " + f.variables() + ": " + f.message());
            }
            out().println(summary(errors, warnings));
        }
        if (!ok) {
            err().println(errors > 0 ? "configuration check failed: " + errors + " error(s); the service would refuse to start (FAIL-CLOSED)"
                    : "configuration check failed: " + warnings + " warning(s) with --strict");
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String summary(long errors, long warnings) {
        if (errors > 0) {
            return "FAIL-CLOSED: " + errors + " error(s), " + warnings + " warning(s)";
        }
        return warnings == 0 ? "configuration OK" : "configuration OK with " + warnings + " warning(s)";
    }

    private static Map<String, Object> toMap(ConfigurationFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("code", f.code());
        m.put("variables", f.variables());
        m.put("message", f.message());
        return m;
    }
}
