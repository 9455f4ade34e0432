package io.tokenlife.domain.fakes;

import io.tokenlife.domain.settings.TokenlifeSettings;

import java.util.HashMap;
import java.util.Map;

/** Settings for tests: the defaults, a fixed secret, and whatever a test overrides ("KEY", "value", ...). */
public final class TestSettings {
    public static final String SECRET = "test-secret-0123456789abcdef-0123456789";

    private TestSettings() {
    }

    public static TokenlifeSettings with(String... keyValues) {
        return TokenlifeSettings.fromMap(variables(keyValues));
    }

    /** The variables {@link #with} parses, for settings of other modules read from the same map. */
    public static Map<String, String> variables(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("JWT_SECRET_KEY", SECRET);
        map.put("DATABASE_URL", "jdbc:h2:mem:test");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
