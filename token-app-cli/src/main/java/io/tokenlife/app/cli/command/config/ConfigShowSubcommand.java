package io.tokenlife.app.cli.command.config;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.port.ConfigurationTool;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.settings.ConfigSources.Effective;
import io.tokenlife.domain.settings.ConfigSources.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "show", description = {
        "Print every variable with the value the service would use and where it comes from: default, .env or "
                + "environment (which wins). Secrets are shown as ***, database passwords redacted.",
        "Exit 1 when a value would stop the service from starting."})
public final class ConfigShowSubcommand extends CliCommand {
    private static final String LINE = "%-58s # %s%n";

    @Option(names = "--json", description = "{\"variables\": [{name, value, origin, secret, problem}], "
            + "\"ignored\": [{closest, message}]}.")
    boolean json;

    private final ConfigurationTool configuration;

    public ConfigShowSubcommand(ConfigurationTool configuration) {
        this.configuration = configuration;
    }

    @Override
    public Integer call() {
        List<Effective> variables = configuration.effective();
        List<ConfigurationFinding> ignored = configuration.unknownVariables();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variables", variables.stream().map(ConfigShowSubcommand::toMap).toList());
            m.put("ignored", ignored.stream().map(ConfigShowSubcommand::toMap).toList());
            out().println(JsonOutput.write(m));
        } else {
            for (Effective v : variables) {
                out().printf(LINE, v.name() + "=" + v.value().orElse(""), describe(v));
            }
            ignored.forEach(f -> out().println("# " + f.message()));
        }
        long refused = variables.stream().filter(v -> v.problem().isPresent()).count();
        if (refused > 0) {
            err().println(refused + " value(s) would stop the service from starting; 'tokenlife config check' "
                    + "reviews the whole configuration");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static String describe(Effective v) {
        String origin = v.value().isEmpty() && v.origin() == Origin.DEFAULT ? "unset" : v.origin().wireName();
        return v.problem().map(p -> origin + "; refused: " + p.substring(p.indexOf(": ") + 2)).orElse(origin);
    }

    private static Map<String, Object> toMap(Effective v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("value", v.value().orElse(null));
        m.put("origin", v.origin().wireName());
        m.put("secret", v.secret());
        m.put("problem", v.problem().orElse(null));
        return m;
    }

    private static Map<String, Object> toMap(ConfigurationFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closest", f.variables().get(0));
        m.put("message", f.message());
        return m;
    }
}
