package io.tokenlife.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
import static org.assertj.core.api.Assertions.fail;

class HelmChartTest {
    private static final String CHART = "deploy/helm/tokenlife";
    private static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    @Test
    void every_values_reference_in_the_templates_resolves_to_a_key_of_values_yaml() {
        Map<?, ?> values = (Map<?, ?>) loadYaml(read(CHART + "/values.yaml"));
        List<Path> templates = templates();
        assertThat(templates).as("chart templates").isNotEmpty();
        TreeSet<String> unresolved = new TreeSet<>();
        int references = 0;
        for (Path template : templates) {
            Matcher m = VALUES_REFERENCE.matcher(read(template));
            while (m.find()) {
                references++;
                String dotted = m.group(1).substring(1);
                if (!resolves(values, dotted.split("\\."))) {
                    unresolved.add(relative(template) + ": .Values." + dotted);
                }
            }
        }
        assertThat(references).as("the templates read .Values at all").isPositive();
        assertThat(unresolved).as("references to keys missing from values.yaml").isEmpty();
    }

    @Test
    void chart_yaml_and_every_values_file_parse_and_override_only_known_keys() {
        Map<?, ?> chart = (Map<?, ?>) loadYaml(read(CHART + "/Chart.yaml"));
        assertThat(chart.get("apiVersion")).isEqualTo("v2");
        assertThat(List.<Object>copyOf(chart.keySet())).as("Chart.yaml keys").contains("name", "version", "appVersion");
        assertThat(chart.get("name")).isEqualTo("tokenlife");

        Map<?, ?> values = (Map<?, ?>) loadYaml(read(CHART + "/values.yaml"));
        List<Path> overrides = filesUnder(CHART, ".yaml").stream()
                .filter(p -> p.getFileName().toString().startsWith("values-"))
                .toList();
        assertThat(overrides).as("values-*.yaml examples").isNotEmpty();
        for (Path override : overrides) {
            Object parsed = loadYaml(read(override));
            assertThat(parsed).as(relative(override)).isInstanceOf(Map.class);
            List<String> unknown = new ArrayList<>();
            collectUnknownKeys((Map<?, ?>) parsed, values, "", unknown);
            assertThat(unknown).as("keys of " + relative(override) + " that values.yaml does not have").isEmpty();
        }
    }

    @Test
    void every_template_has_balanced_template_delimiters() {
        for (Path template : templates()) {
            String text = read(template);
            int depth = 0;
            for (int i = 0; i < text.length() - 1; i++) {
                if (text.startsWith("{{", i)) {
                    depth++;
                    i++;
                    if (depth > 1) {
                        fail(relative(template) + ": '{{' opened inside another action at offset " + i);
                    }
                } else if (text.startsWith("}}", i)) {
                    depth--;
                    i++;
                    if (depth < 0) {
                        fail(relative(template) + ": '}}' without '{{' at offset " + i);
                    }
                }
            }
            assertThat(depth).as(relative(template) + ": actions left open").isZero();
        }
    }

    @Test
    void values_schema_is_valid_json_and_describes_the_top_level_keys_of_values_yaml() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(read(CHART + "/values.schema.json"));
        assertThat(schema.path("type").asText()).isEqualTo("object");
        Map<?, ?> values = (Map<?, ?>) loadYaml(read(CHART + "/values.yaml"));
        List<String> undescribed = new ArrayList<>();
        for (Object key : values.keySet()) {
            if (!schema.path("properties").has(key.toString())) {
                undescribed.add(key.toString());
            }
        }
        assertThat(undescribed).as("top-level keys of values.yaml missing from values.schema.json").isEmpty();
    }

    private static List<Path> templates() {
        return filesUnder(CHART + "/templates", ".yaml", ".tpl", ".txt");
    }

    private static boolean resolves(Map<?, ?> values, String[] keys) {
        Object node = values;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            node = map.get(key);
        }
        return true;
    }

    private static void collectUnknownKeys(Map<?, ?> override, Map<?, ?> base, String prefix, List<String> unknown) {
        for (Map.Entry<?, ?> entry : override.entrySet()) {
            String key = entry.getKey().toString();
            if (!base.containsKey(key)) {
                unknown.add(prefix + key);
            } else if (entry.getValue() instanceof Map<?, ?> nested && base.get(key) instanceof Map<?, ?> baseNested
                    && !baseNested.isEmpty()) {
                // an empty map in values.yaml (e.g. podAnnotations: {}) is open to any key
                collectUnknownKeys(nested, baseNested, prefix + key + ".", unknown);
            }
        }
    }
}
