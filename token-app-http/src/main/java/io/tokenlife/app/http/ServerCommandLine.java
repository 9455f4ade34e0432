package io.tokenlife.app.http;

import io.tokenlife.app.http.settings.ServiceConfiguration;
import io.tokenlife.domain.settings.Setting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The arguments of {@code bin/tokenlife-server}: none starts the service; {@code --help} and
 * {@code --version} answer and exit 0; anything else is bad usage (exit 2). The usage lists every
 * variable from the settings catalog, so it cannot fall behind.
 */
final class ServerCommandLine {
    static final int OK = 0;
    static final int USAGE = 2;
    private static final List<String> OPTIONS = List.of("--help", "-h", "--version", "-V");

    /** What to do: start, or print {@code text} to stdout ({@code exit} 0) or stderr (otherwise) and exit. */
    record Decision(boolean start, int exit, String text) {
    }

    private ServerCommandLine() {
    }

    static Decision decide(List<String> args, Path workingDirectory) {
        if (args.isEmpty()) {
            return new Decision(true, OK, "");
        }
        String first = args.get(0);
        if (args.size() == 1 && (first.equals("--help") || first.equals("-h"))) {
            return new Decision(false, OK, usage(workingDirectory));
        }
        if (args.size() == 1 && (first.equals("--version") || first.equals("-V"))) {
            return new Decision(false, OK, version());
        }
        String problem = args.stream().filter(a -> !OPTIONS.contains(a)).findFirst()
                .map(a -> "unknown argument '" + a.replaceAll("\\p{Cntrl}", "?") + "'")
                .orElse("--help and --version are given alone");
        return new Decision(false, USAGE, "tokenlife-server: " + problem + "; the service takes no arguments, only "
                + "--help or --version (configuration comes from the environment and .env)\n"
                + "Try 'tokenlife-server --help' for usage.");
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = ServerCommandLine.class.getResourceAsStream("/tokenlife-server.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "tokenlife-server " + p.getProperty("version", "unknown") + "\nJava " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    static String usage(Path workingDirectory) {
        StringBuilder text = new StringBuilder()
                .append("Usage: tokenlife-server [--help | --version]\n\n")
                .append("Starts the tokenlife REST service and runs until SIGTERM (Ctrl-C), then stops gracefully.\n\n")
                .append("Configuration: environment variables, and a .env file in the working directory\n  ")
                .append(workingDirectory.toAbsolutePath().normalize().resolve(".env"))
                .append("\n(the environment wins). A bad value stops startup (exit 1, FAIL-CLOSED in the log) naming the\n")
                .append("variable; bin/tokenlife config check reviews a configuration without starting it.\n\n")
                .append("Variables (default in brackets):\n");
        for (Setting<?> setting : ServiceConfiguration.CATALOG.settings()) {
            text.append(String.format("  %-33s %s  [%s]%n", setting.name(), plain(setting.allowed()),
                    setting.defaultValue().orElse("unset")));
        }
        return text.append("\nEvery variable is explained in docs/reference/configuration.md of the tokenlife repository;\n")
                .append(".env.example lists them with their defaults.\n\n")
                .append("Options:\n  -h, --help     Print this help and exit.\n  -V, --version  Print the version and exit.\n\n")
                .append("Exit codes: 0 stopped normally, 1 refused to start or failed, 2 bad usage.")
                .toString();
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}
