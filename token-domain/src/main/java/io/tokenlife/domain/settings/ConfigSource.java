package io.tokenlife.domain.settings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The raw variables of a process (the environment plus {@code .env}), as the settings read them. */
public record ConfigSource(Map<String, String> variables) {
    public ConfigSource {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    /** The trimmed value of {@code name}; blank counts as unset. */
    public Optional<String> value(String name) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(raw.trim());
    }

    /** The same variables with {@code name} set to {@code value}. */
    public ConfigSource with(String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(variables);
        copy.put(name, value);
        return new ConfigSource(copy);
    }
}
