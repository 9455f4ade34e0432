package io.tokenlife.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.http.settings.ServiceConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    @Test
    void every_configuration_variable_has_a_value_key_that_a_template_turns_into_it() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(read(CHART + "/values.schema.json"));
        Map<String, String> describedKeys = new LinkedHashMap<>();
        collectDescriptions(schema, "", describedKeys);
        Map<?, ?> values = (Map<?, ?>) loadYaml(read(CHART + "/values.yaml"));
        StringBuilder templates = new StringBuilder();
        templates().forEach(t -> templates.append(read(t)).append('\n'));

        List<String> missing = new ArrayList<>();
        for (String variable : ServiceConfiguration.CATALOG.names()) {
            Pattern named = Pattern.compile("(?<![A-Z_])" + variable + "(?![A-Z_])");
            List<String> keys = describedKeys.entrySet().stream()
                    .filter(e -> named.matcher(e.getValue()).find()).map(Map.Entry::getKey).toList();
            if (keys.isEmpty()) {
                missing.add(variable + ": no key of values.schema.json names it in its description");
            } else if (keys.stream().noneMatch(k -> resolves(values, k.split("\\.")))) {
                missing.add(variable + ": " + keys + " missing from values.yaml");
            }
            if (!Pattern.compile("(?m)^\\s*(?:- name: )?" + variable + "(?::|\\s*$)").matcher(templates).find()) {
                missing.add(variable + ": no template sets it (ConfigMap key or env name)");
            }
        }
        assertThat(missing).as("configuration variables the chart cannot set without extraEnv").isEmpty();
    }

    @Test
    void the_example_issuer_and_audience_of_each_environment_agree_across_values_and_docs() {
        String valuesText = read(CHART + "/values.yaml");
        List<String> issuers = examplesAfter(valuesText, "# JWT_ISSUER");
        List<String> audiences = examplesAfter(valuesText, "# JWT_AUDIENCE");
        Map<?, ?> values = (Map<?, ?>) loadYaml(valuesText);
        Map<?, ?> production = (Map<?, ?>) loadYaml(read(CHART + "/values-production.yaml"));
        assertThat(((Map<?, ?>) values.get("jwt")).get("issuer")).as("values.yaml jwt.issuer (environment: production)").isEqualTo(issuers.get(2));
        assertThat(((Map<?, ?>) values.get("jwt")).get("audience")).as("values.yaml jwt.audience").isEqualTo(audiences.get(2));
        assertThat(((Map<?, ?>) production.get("jwt")).get("issuer")).as("values-production.yaml jwt.issuer").isEqualTo(issuers.get(2));
        assertThat(((Map<?, ?>) production.get("jwt")).get("audience")).as("values-production.yaml jwt.audience").isEqualTo(audiences.get(2));

        String recommended = String.format("| `JWT_ISSUER`, `JWT_AUDIENCE` | `%s`, `%s` | `%s`, `%s` | `%s`, `%s` |",
                issuers.get(0), audiences.get(0), issuers.get(1), audiences.get(1), issuers.get(2), audiences.get(2));
        assertThat(read("docs/reference/configuration.md")).as("the recommended settings of configuration.md").contains(recommended);
        String kubernetes = String.format("| `jwt.issuer` / `jwt.audience` | `%s` / `%s` | `%s` / `%s` | `%s` / `%s` |",
                issuers.get(0), audiences.get(0), issuers.get(1), audiences.get(1), issuers.get(2), audiences.get(2));
        assertThat(read("docs/how-to/deploy-kubernetes.md")).as("the values table of deploy-kubernetes.md").contains(kubernetes);

        String secure = read("docs/how-to/secure-deployment.md");
        List<String> secureIssuers = settings(secure, "JWT_ISSUER");
        List<String> secureAudiences = settings(secure, "JWT_AUDIENCE");
        assertThat(secureIssuers).as("JWT_ISSUER= examples of secure-deployment.md (production)").isNotEmpty().containsOnly(issuers.get(2));
        assertThat(secureAudiences).as("JWT_AUDIENCE= examples of secure-deployment.md (production)").isNotEmpty().containsOnly(audiences.get(2));
    }

    /** The dev, staging and production examples of the comment line after {@code marker} in values.yaml. */
    private static List<String> examplesAfter(String values, String marker) {
        Matcher m = Pattern.compile(Pattern.quote(marker) + ".*\\R\\s*# dev: (\\S+) \\| staging: (\\S+) \\| production: (\\S+)\\s*$",
                Pattern.MULTILINE).matcher(values);
        assertThat(m.find()).as("values.yaml has '" + marker + "' followed by '# dev: … | staging: … | production: …'").isTrue();
        return List.of(m.group(1), m.group(2), m.group(3));
    }

    private static List<String> settings(String text, String variable) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + variable + "=(\\S+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Dotted key of every schema property with a description, and that description. */
    private static void collectDescriptions(JsonNode schema, String prefix, Map<String, String> out) {
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String key = prefix + property.getKey();
            if (property.getValue().has("description")) {
                out.put(key, property.getValue().get("description").asText());
            }
            collectDescriptions(property.getValue(), key + ".", out);
        }
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
