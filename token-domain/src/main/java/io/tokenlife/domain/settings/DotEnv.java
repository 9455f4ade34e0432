package io.tokenlife.domain.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the text of a {@code .env} file ({@code KEY=value} lines, {@code #} comments, optional
 * {@code export} and quotes) and merges it under the process environment, which wins.
 */
public final class DotEnv {
    private DotEnv() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidSettingsException(".env", "line " + (i + 1) + " is not KEY=value");
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    /** The environment wins over the file, as in the gateway. */
    public static Map<String, String> merge(Map<String, String> environment, Map<String, String> dotEnv) {
        Map<String, String> merged = new HashMap<>(dotEnv);
        merged.putAll(environment);
        return merged;
    }

    private static String unquote(String value) {
        if (value.startsWith("\"") || value.startsWith("'")) {
            // a quoted value may be followed by a comment: KEY="value" # why
            int close = value.indexOf(value.charAt(0), 1);
            String rest = close < 0 ? null : value.substring(close + 1).strip();
            if (rest != null && (rest.isEmpty() || rest.startsWith("#"))) {
                return value.substring(1, close);
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
