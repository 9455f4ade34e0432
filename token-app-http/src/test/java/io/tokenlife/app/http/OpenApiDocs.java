package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the served OpenAPI document and the endpoint sections of {@code docs/reference/http-api.md} from the
 * OpenAPI fragments: {@code openapi-base.json} (info, tags, security schemes and the components several
 * features share) and one {@code <feature>/openapi.json} per feature (its paths and the components only it
 * uses). An operation carries its reference prose: {@code summary} is the title of its section,
 * {@code x-access} who may call it, {@code description} the section's Markdown, one string per line in the
 * fragment (joined into one string in the served document). {@link HttpApiDocumentedTest} fails when a
 * committed file differs and rewrites them when asked (see {@link #REGENERATE}).
 */
final class OpenApiDocs {
    /** The command that rewrites openapi.json and the generated sections, named in the page and in failures. */
    static final String REGENERATE = "./mvnw -q -pl token-app-http -am test -Dtest=HttpApiDocumentedTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtokenlife.docs.write=true";
    /** The features with a fragment; the served document lists their paths in this order. */
    static final List<String> FEATURES = List.of("token", "oauth", "identity", "key", "user", "discovery", "ops");
    static final String FOLDER = "token-app-http/src/main/resources/io/tokenlife/app/http";
    static final Path RESOURCES = Path.of("src", "main", "resources", "io", "tokenlife", "app", "http");
    static final Path SERVED = RESOURCES.resolve("openapi.json");
    static final Path REFERENCE = Path.of("..", "docs", "reference", "http-api.md");
    static final String END = "<!-- end of generated sections -->";
    private static final Pattern BLOCK = Pattern.compile("<!-- generated from the OpenAPI fragments of ([a-z, ]+) "
            + "\\(" + Pattern.quote(FOLDER) + "/<feature>/openapi\\.json\\): [^\\n]*-->\\n.*?" + Pattern.quote(END),
            Pattern.DOTALL);
    /** The fields of a path item that are operations (the others are shared by its operations). */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode base;
    private final Map<String, ObjectNode> fragments = new LinkedHashMap<>();

    private OpenApiDocs(ObjectNode base) {
        this.base = base;
    }

    /** The committed fragments. */
    static OpenApiDocs load() {
        OpenApiDocs docs = new OpenApiDocs(read(RESOURCES.resolve("openapi-base.json")));
        for (String feature : FEATURES) {
            Path file = RESOURCES.resolve(feature).resolve("openapi.json");
            ObjectNode fragment = read(file);
            fragment.fieldNames().forEachRemaining(field -> {
                if (!field.equals("paths") && !field.equals("components")) {
                    throw new IllegalStateException(file + ": a fragment holds paths and components only; '" + field
                            + "' belongs in openapi-base.json");
                }
            });
            docs.fragments.put(feature, fragment);
        }
        return docs;
    }

    /** Each feature's fragment, in {@link #FEATURES} order. */
    Map<String, ObjectNode> fragments() {
        return fragments;
    }

    ObjectNode base() {
        return base;
    }

    /**
     * The served document: the base's fields with {@code paths} before {@code components}, the fragments'
     * paths in feature order and their components after the base's. A path or component declared twice, or an
     * operation without {@code x-access}, is refused.
     */
    ObjectNode merged() {
        ObjectNode paths = JsonNodeFactory.instance.objectNode();
        ObjectNode components = base.has("components") ? base.get("components").deepCopy() : JsonNodeFactory.instance.objectNode();
        fragments.forEach((feature, fragment) -> {
            fragment.path("paths").fields().forEachRemaining(path -> {
                ObjectNode item = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
                path.getValue().fields().forEachRemaining(field -> {
                    boolean operation = METHODS.contains(field.getKey());
                    if (item.has(field.getKey()) && (operation || !item.get(field.getKey()).equals(field.getValue()))) {
                        throw new IllegalStateException(feature + ": " + (operation ? field.getKey().toUpperCase(Locale.ROOT)
                                + " " + path.getKey() : path.getKey() + " " + field.getKey()) + " is declared by another fragment too");
                    }
                    item.set(field.getKey(), operation ? served(feature, path.getKey(), field.getKey(), field.getValue())
                            : field.getValue().deepCopy());
                });
            });
            fragment.path("components").fields().forEachRemaining(kind -> {
                ObjectNode all = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> {
                    if (all.has(c.getKey())) {
                        throw new IllegalStateException(feature + ": components/" + kind.getKey() + "/" + c.getKey()
                                + " is declared by the base or another fragment too");
                    }
                    all.set(c.getKey(), c.getValue().deepCopy());
                });
            });
        });
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        base.fields().forEachRemaining(f -> {
            if (f.getKey().equals("components")) {
                doc.set("paths", paths);
            }
            doc.set(f.getKey(), f.getValue().deepCopy());
        });
        if (!doc.has("paths")) {
            doc.set("paths", paths);
        }
        doc.set("components", components);
        return doc;
    }

    /** The fragment's operation as served: its description lines joined into one string. */
    private static JsonNode served(String feature, String path, String method, JsonNode op) {
        ObjectNode copy = op.deepCopy();
        copy.set("description", TextNode.valueOf(description(feature, path, method, op)));
        return copy;
    }

    /** The operation's description lines joined; refused without {@code x-access} or without the lines. */
    private static String description(String feature, String path, String method, JsonNode op) {
        String name = feature + ": " + method.toUpperCase(Locale.ROOT) + " " + path;
        if (!op.isObject() || !op.path("x-access").isTextual() || !op.path("description").isArray()) {
            throw new IllegalStateException(name + " needs \"x-access\" (who may call it, as in the section heading) "
                    + "and \"description\" (the section's Markdown, one string per line)");
        }
        List<String> lines = new ArrayList<>();
        op.get("description").forEach(line -> lines.add(line.asText()));
        return String.join("\n", lines);
    }

    /** {@code http-api.md} with each generated block rewritten from the fragments of the features it names. */
    String page(String current) {
        Matcher m = BLOCK.matcher(current);
        StringBuilder out = new StringBuilder();
        Set<String> rendered = new LinkedHashSet<>();
        int last = 0;
        while (m.find()) {
            List<String> sections = new ArrayList<>();
            for (String feature : m.group(1).split(",\\s*")) {
                if (!fragments.containsKey(feature) || !rendered.add(feature)) {
                    throw new IllegalStateException(REFERENCE + ": the feature '" + feature
                            + "' of a generated block is unknown or named twice; features: " + FEATURES);
                }
                fragments.get(feature).path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                        .forEachRemaining(op -> {
                            if (METHODS.contains(op.getKey())) {
                                sections.add(section(feature, path.getKey(), op.getKey(), op.getValue()));
                            }
                        }));
            }
            out.append(current, last, m.start()).append(begin(m.group(1))).append("\n\n")
                    .append(String.join("\n\n", sections)).append("\n\n").append(END);
            last = m.end();
        }
        if (!rendered.equals(fragments.keySet())) {
            throw new IllegalStateException(REFERENCE + " has no generated block for " + FEATURES.stream()
                    .filter(f -> !rendered.contains(f)).toList() + "; add one: " + begin("<feature>"));
        }
        return out.append(current, last, current.length()).toString();
    }

    /** The marker that opens a generated block of the page. */
    static String begin(String features) {
        return "<!-- generated from the OpenAPI fragments of " + features + " (" + FOLDER + "/<feature>/openapi.json): "
                + "edit the fragment, then run " + REGENERATE + " -->";
    }

    /** {@code ### `METHOD /path` — summary (access)}, a blank line, the description. */
    private static String section(String feature, String path, String method, JsonNode op) {
        String description = description(feature, path, method, op);
        String title = op.has("summary") ? " — " + op.get("summary").asText() : "";
        return "### `" + method.toUpperCase(Locale.ROOT) + " " + path + "`" + title + " (" + op.get("x-access").asText()
                + ")\n\n" + description;
    }

    /** Every {@code $ref} in a JSON tree. */
    static Set<String> refs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref") && f.getValue().isTextual()) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /**
     * The document as {@code json.dumps(doc, indent=2)} writes it (the form the hand-written document had), with
     * every character outside ASCII escaped, and a final line feed.
     */
    static String render(JsonNode doc) {
        StringBuilder out = new StringBuilder();
        write(doc, out, "");
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder out, String indent) {
        String inner = indent + "  ";
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(inner);
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out, inner);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), out, inner);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else {
            out.append(node.toString());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static ObjectNode read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (!node.isObject()) {
                throw new IllegalStateException(file + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
