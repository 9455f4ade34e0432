package io.tokenlife.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.filesUnder;
import static io.tokenlife.docs.RepositoryFiles.loadYaml;
import static io.tokenlife.docs.RepositoryFiles.path;
import static io.tokenlife.docs.RepositoryFiles.read;
import static io.tokenlife.docs.RepositoryFiles.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class DeployFilesTest {
    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}; {@code $$} escapes. */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^}]*)}");
    private static final Pattern BARE_INTERPOLATION = Pattern.compile("(?<!\\$)\\$([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void every_yaml_file_in_deploy_and_mkdocs_yml_parses() {
        List<Path> files = new ArrayList<>(filesUnder("deploy", ".yaml", ".yml"));
        // Helm templates are Go templates producing YAML, not YAML: their delimiters are checked in HelmChartTest
        files.removeIf(p -> relative(p).contains("/templates/"));
        files.add(path("mkdocs.yml"));
        assertThat(files).extracting(RepositoryFiles::relative)
                .contains("deploy/compose.yaml", "deploy/helm/tokenlife/values.yaml", "deploy/helm/tokenlife/Chart.yaml", "mkdocs.yml");
        for (Path file : files) {
            assertThatCode(() -> loadYaml(read(file))).as(relative(file)).doesNotThrowAnyException();
        }
    }

    @Test
    void every_variable_interpolated_in_compose_yaml_has_a_default() {
        String compose = read("deploy/compose.yaml");
        TreeSet<String> undefined = new TreeSet<>();
        int interpolations = 0;
        for (String line : compose.split("\\R")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = INTERPOLATION.matcher(line);
            while (m.find()) {
                interpolations++;
                String operator = m.group(2);
                boolean hasDefault = operator != null && operator.endsWith("-");
                if (!hasDefault) {
                    undefined.add(m.group(1));
                }
            }
            Matcher bare = BARE_INTERPOLATION.matcher(line);
            while (bare.find()) {
                undefined.add(bare.group(1));
            }
        }
        assertThat(interpolations).as("compose.yaml interpolates its settings").isPositive();
        assertThat(undefined).as("variables in compose.yaml without a ${VAR:-default}").isEmpty();
    }

    @Test
    void compose_runs_postgres_a_migration_two_replicas_and_a_proxy_whose_mounted_files_exist() {
        Map<?, ?> compose = (Map<?, ?>) loadYaml(read("deploy/compose.yaml"));
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        assertThat(List.<Object>copyOf(services.keySet())).as("compose services").contains("postgres", "migrate", "tokenlife-1", "tokenlife-2", "proxy");
        assertThat(String.valueOf(((Map<?, ?>) services.get("postgres")).get("image"))).startsWith("postgres:16");
        List<String> missing = new ArrayList<>();
        for (Object service : services.values()) {
            Object volumes = ((Map<?, ?>) service).get("volumes");
            if (volumes instanceof List<?> list) {
                for (Object volume : list) {
                    String source = volume.toString().split(":")[0];
                    if (source.startsWith(".") && !Files.exists(path("deploy").resolve(source).normalize())) {
                        missing.add(source);
                    }
                }
            }
        }
        assertThat(missing).as("bind-mounted files missing next to compose.yaml").isEmpty();
    }

    @Test
    void dockerfile_builds_with_jdk_17_runs_on_jre_17_as_non_root_and_checks_health() {
        String dockerfile = read("deploy/Dockerfile");
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM eclipse-temurin:17-jdk\\S* AS build")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^USER (?!root|0\\b)\\S+")
                .containsPattern("(?ms)^HEALTHCHECK .*?CMD [^\\n]*/health")
                .containsPattern("(?m)^EXPOSE 4444$")
                .contains("tokenlife-server.jar", "tokenlife-cli.jar");
    }
}
