package io.tokenlife.domain.settings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The variables of a process by where they come from: the environment, and the {@code .env} file of the
 * working directory. The environment wins; a blank value counts as unset.
 */
public record ConfigSources(Map<String, String> environment, Map<String, String> dotEnv) {
    /** Where an effective value comes from. */
    public enum Origin {
        DEFAULT("default"), DOT_ENV(".env"), ENVIRONMENT("environment");

        private final String wireName;

        Origin(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * One variable as the process sees it: {@code value} is what {@code config show} may print (masked or
     * redacted), empty when unset without default; {@code problem} is why the value is refused.
     */
    public record Effective(String name, Optional<String> value, Origin origin, boolean secret, Optional<String> problem) {
        public Effective {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(problem, "problem");
        }
    }

    public ConfigSources {
        environment = Map.copyOf(environment);
        dotEnv = Map.copyOf(dotEnv);
    }

    /** What the settings read: {@code .env} under the environment. */
    public ConfigSource merged() {
        return new ConfigSource(DotEnv.merge(environment, dotEnv));
    }

    /** Every name that is set, in either place. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(environment.keySet());
        names.addAll(dotEnv.keySet());
        return List.copyOf(names);
    }

    /** As {@link #merged()} reads it: a blank variable in the environment still hides {@code .env}. */
    public Origin originOf(String name) {
        if (environment.containsKey(name)) {
            return isSet(environment.get(name)) ? Origin.ENVIRONMENT : Origin.DEFAULT;
        }
        return isSet(dotEnv.get(name)) ? Origin.DOT_ENV : Origin.DEFAULT;
    }

    /** Every variable of {@code catalog} with its effective value and origin; secrets are masked. */
    public List<Effective> effective(SettingsCatalog catalog) {
        ConfigSource source = merged();
        return catalog.settings().stream().map(setting -> {
            Optional<String> raw = source.value(setting.name()).or(setting::defaultValue);
            Optional<String> problem;
            try {
                setting.read(source);
                problem = Optional.empty();
            } catch (InvalidSettingsException e) {
                problem = Optional.of(e.getMessage());
            }
            return new Effective(setting.name(), raw.map(setting.display()), originOf(setting.name()),
                    setting.secret(), problem);
        }).toList();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
