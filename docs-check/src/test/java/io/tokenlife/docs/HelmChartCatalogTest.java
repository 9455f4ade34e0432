package io.tokenlife.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenlife.app.http.settings.ServiceConfiguration;
import io.tokenlife.domain.settings.ConfigSource;
import io.tokenlife.domain.settings.InvalidSettingsException;
import io.tokenlife.domain.settings.Setting;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.filesUnder;
import static io.tokenlife.docs.RepositoryFiles.loadYaml;
import static io.tokenlife.docs.RepositoryFiles.read;
import static io.tokenlife.docs.RepositoryFiles.relative;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Helm chart against the settings catalog: what the chart's schema allows for a variable's value key
 * is what the service accepts (type, range, choices), and every example value is accepted, so a
 * {@code helm install} that validates cannot start a pod that refuses to start. That every variable has a
 * value key is {@link HelmChartTest}'s.
 */
class HelmChartCatalogTest {
    private static final String CHART = "deploy/helm/tokenlife";
    /** {@code NAME: {{ ... .Values.path ... }}} in a ConfigMap or Secret. */
    private static final Pattern MAPPED = Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]+): \\{\\{.*?\\.Values\\.([A-Za-z0-9_.]+)");
    @Test
    void the_schema_of_each_mapped_value_key_allows_only_what_the_service_accepts() throws Exception {
        Map<String, String> mapped = mappedValueKeys();
        assertThat(mapped).as("variables mapped from .Values").containsKeys("ENVIRONMENT", "JWT_LEEWAY_SECONDS",
                "VERIFIED_TOKEN_CACHE_SIZE", "LOG_FORMAT");
        JsonNode schema = new ObjectMapper().readTree(read(CHART + "/values.schema.json"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> entry : mapped.entrySet()) {
            Setting<?> setting = ServiceConfiguration.CATALOG.find(entry.getKey()).orElseThrow(
                    () -> new AssertionError(entry.getKey() + " is set by the chart but is no tokenlife variable"));
            JsonNode node = schemaAt(schema, entry.getValue());
            if (node.isMissingNode()) {
                wrong.add(entry.getValue() + " (" + setting.name() + ") is not described in values.schema.json");
                continue;
            }
            wrong.addAll(disagreements(setting, entry.getValue(), node));
        }
        assertThat(wrong).as("values.schema.json against the settings catalog").isEmpty();
    }

    @Test
    void every_values_file_gives_each_mapped_key_a_value_the_service_accepts() {
        Map<String, String> mapped = mappedValueKeys();
        List<Path> files = filesUnder(CHART, ".yaml").stream()
                .filter(p -> p.getFileName().toString().startsWith("values")).toList();
        assertThat(files).isNotEmpty();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            Map<?, ?> values = (Map<?, ?>) loadYaml(read(file));
            for (Map.Entry<String, String> entry : mapped.entrySet()) {
                Object value = valueAt(values, entry.getValue());
                if (value == null) {
                    continue; // an override file sets only some keys
                }
                Setting<?> setting = ServiceConfiguration.CATALOG.find(entry.getKey()).orElseThrow();
                try {
                    setting.read(new ConfigSource(Map.of(setting.name(), value.toString())));
                } catch (InvalidSettingsException e) {
                    refused.add(relative(file) + " " + entry.getValue() + ": " + e.getMessage());
                }
            }
        }
        assertThat(refused).as("values the service would refuse at startup").isEmpty();
    }

    private static List<String> disagreements(Setting<?> setting, String key, JsonNode node) {
        List<String> wrong = new ArrayList<>();
        Setting.Kind<?> kind = setting.kind();
        if (!node.path("description").asText().matches(setting.name() + "( .*)?")) {
            wrong.add(key + ": description should start with " + setting.name());
        }
        if (node.has("enum")) {
            Set<String> allowed = new TreeSet<>();
            node.path("enum").forEach(v -> allowed.add(v.asText()));
            if (kind.choices().isEmpty() || !kind.choices().containsAll(allowed)) {
                wrong.add(key + ": enum " + allowed + " but " + setting.name() + " accepts " + setting.allowed());
            }
            return wrong;
        }
        if (!node.path("type").asText().equals(kind.jsonType())) {
            wrong.add(key + ": type " + node.path("type").asText() + " but " + setting.name() + " is " + kind.jsonType());
        }
        if (kind.min().isPresent()) {
            if (!node.has("minimum") || node.path("minimum").asInt() < kind.min().get()) {
                wrong.add(key + ": minimum should be at least " + kind.min().get());
            }
            if (!node.has("maximum") || node.path("maximum").asInt() > kind.max().get()) {
                wrong.add(key + ": maximum should be at most " + kind.max().get());
            }
        }
        return wrong;
    }

    /** Variable name to the dotted {@code .Values} key it is read from. */
    private static Map<String, String> mappedValueKeys() {
        Map<String, String> mapped = new LinkedHashMap<>();
        for (Path template : templates()) {
            Matcher m = MAPPED.matcher(read(template));
            while (m.find()) {
                mapped.put(m.group(1), m.group(2));
            }
        }
        return mapped;
    }

    private static JsonNode schemaAt(JsonNode schema, String dotted) {
        JsonNode node = schema;
        for (String key : dotted.split("\\.")) {
            node = node.path("properties").path(key);
        }
        return node;
    }

    private static Object valueAt(Map<?, ?> values, String dotted) {
        Object node = values;
        for (String key : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private static List<Path> templates() {
        return filesUnder(CHART + "/templates", ".yaml", ".tpl");
    }
}

