package io.tokenlife.app.cli.command.token;

import io.tokenlife.app.cli.command.CliCommand;
import io.tokenlife.app.cli.command.ExitCodes;
import io.tokenlife.app.cli.command.JsonOutput;
import io.tokenlife.app.cli.port.StandardInput;
import io.tokenlife.app.cli.port.TokenInspector;
import io.tokenlife.app.cli.port.TokenInspector.DecodedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "decode", description = {"Print the header and claims of a token as JSON, WITHOUT verifying it.",
        "Use 'token verify' to know whether it is valid."})
public final class TokenDecodeSubcommand extends CliCommand {
    @Parameters(paramLabel = "TOKEN", description = "The compact token, or - to read it from stdin.")
    String token;

    @Option(names = "--json", description = "One JSON object {\"header\":…,\"claims\":…} (the default prints both, labelled).")
    boolean json;

    private final TokenInspector inspector;
    private final StandardInput stdin;

    public TokenDecodeSubcommand(TokenInspector inspector, StandardInput stdin) {
        this.inspector = inspector;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        DecodedToken decoded = inspector.decode(stdin.orValue(token));
        if (json) {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("header", decoded.header());
            both.put("claims", decoded.claims());
            out().println(JsonOutput.write(both));
        } else {
            out().println("header:");
            out().println(JsonOutput.write(decoded.header()));
            out().println("claims:");
            out().println(JsonOutput.write(decoded.claims()));
        }
        err().println("note: decoded without verification; the signature and claims were not checked");
        return ExitCodes.OK;
    }
}
