package io.tokenlife.app.http;

import io.tokenlife.app.http.settings.ServiceConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandLineTest {
    private static final Path HERE = Path.of("/srv/tokenlife");

    @Test
    void withoutArgumentsTheServiceStarts() {
        assertThat(ServerCommandLine.decide(List.of(), HERE).start()).isTrue();
    }

    @Test
    void helpListsEveryVariableWithItsDefaultAndSaysWhereDotEnvIsRead() {
        ServerCommandLine.Decision help = ServerCommandLine.decide(List.of("--help"), HERE);

        assertThat(help.start()).isFalse();
        assertThat(help.exit()).isZero();
        assertThat(help.text()).contains("/srv/tokenlife/.env").contains("docs/reference/configuration.md");
        for (String name : ServiceConfiguration.CATALOG.names()) {
            assertThat(help.text()).containsPattern("(?m)^  " + name + " ");
        }
        assertThat(ServerCommandLine.decide(List.of("-h"), HERE)).isEqualTo(help);
    }

    @Test
    void versionNamesTheBuild() {
        ServerCommandLine.Decision version = ServerCommandLine.decide(List.of("--version"), HERE);

        assertThat(version.exit()).isZero();
        assertThat(version.text()).startsWith("tokenlife-server ").contains("Java ");
    }

    @Test
    void anyOtherArgumentIsBadUsageNamingIt() {
        for (List<String> args : List.of(List.of("--port", "80"), List.of("serve"), List.of("--help", "--version"))) {
            ServerCommandLine.Decision decision = ServerCommandLine.decide(args, HERE);
            assertThat(decision.start()).as(args.toString()).isFalse();
            assertThat(decision.exit()).as(args.toString()).isEqualTo(2);
            assertThat(decision.text()).contains("--help").contains("Try 'tokenlife-server --help'");
        }
        assertThat(ServerCommandLine.decide(List.of("--help", "--version"), HERE).text())
                .contains("--help and --version are given alone");
        assertThat(ServerCommandLine.decide(List.of("--port", "80"), HERE).text()).contains("'--port'");
        assertThat(ServerCommandLine.decide(List.of("bad\u001b[31m"), HERE).text()).doesNotContain("\u001b");
    }
}
