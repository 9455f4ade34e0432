package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served openapi.json and the endpoint sections of docs/reference/http-api.md are generated from the
 * OpenAPI fragments ({@link OpenApiDocs}) and must be committed as generated; with
 * {@code -Dtokenlife.docs.write=true} the test rewrites them instead of failing. The reference describes every
 * operation of the served document.
 */
class HttpApiDocumentedTest {
    private static final boolean WRITE = Boolean.getBoolean("tokenlife.docs.write");
    private static final OpenApiDocs DOCS = OpenApiDocs.load();

    @Test
    void theServedOpenApiDocumentIsMergedFromTheFragments() throws IOException {
        assertGenerated(OpenApiDocs.SERVED, OpenApiDocs.render(DOCS.merged()));
    }

    @Test
    void theEndpointSectionsOfTheHttpApiReferenceAreGeneratedFromTheFragments() throws IOException {
        assertGenerated(OpenApiDocs.REFERENCE, DOCS.page(Files.readString(OpenApiDocs.REFERENCE)));
    }

    @Test
    void everyFragmentBesideTheBaseIsMerged() throws IOException {
        List<String> onDisk;
        try (var folders = Files.list(OpenApiDocs.RESOURCES)) {
            onDisk = folders.filter(folder -> Files.isRegularFile(folder.resolve("openapi.json")))
                    .map(folder -> folder.getFileName().toString()).toList();
        }
        assertThat(onDisk).as("feature folders with an openapi.json (list a new one in OpenApiDocs.FEATURES)")
                .containsExactlyInAnyOrderElementsOf(OpenApiDocs.FEATURES);
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasASectionInTheHttpApiReference() throws Exception {
        JsonNode doc;
        try (InputStream in = HttpApiDocumentedTest.class.getResourceAsStream("/io/tokenlife/app/http/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        String reference = Files.readString(OpenApiDocs.REFERENCE);
        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add("`" + method.toUpperCase(Locale.ROOT) + " " + path.getKey() + "`")));
        assertThat(operations).hasSizeGreaterThan(10);
        List<String> missing = operations.stream().filter(op -> !reference.contains("### " + op)).toList();
        assertThat(missing).as("operations without a '### `METHOD /path`' section in " + OpenApiDocs.REFERENCE).isEmpty();
    }

    @Test
    void eachFragmentRefersOnlyToItsOwnComponentsAndToTheBase() {
        Set<String> inBase = declared(DOCS.base());
        assertThat(inBase).as("components of openapi-base.json").contains("#/components/schemas/Problem");
        assertThat(OpenApiDocs.refs(DOCS.base())).as("references of openapi-base.json").isSubsetOf(inBase);
        DOCS.fragments().forEach((feature, fragment) -> {
            Set<String> visible = new HashSet<>(inBase);
            visible.addAll(declared(fragment));
            assertThat(OpenApiDocs.refs(fragment)).as("references of " + feature + "/openapi.json that neither it nor "
                    + "openapi-base.json declares (a component two features use belongs in the base)").isSubsetOf(visible);
        });
    }

    @Test
    void whatTheBaseDeclaresIsUsedByTwoFeaturesOrMore() {
        ObjectNode base = DOCS.base();
        for (String component : declared(base)) {
            if (component.startsWith("#/components/securitySchemes/")) {
                continue; // named by the operations' security requirements, not by $ref
            }
            List<String> users = DOCS.fragments().entrySet().stream()
                    .filter(f -> reachable(f.getValue(), base).contains(component)).map(Map.Entry::getKey).toList();
            assertThat(users).as(component + " of openapi-base.json is used by " + users
                    + "; what one feature alone uses belongs in its fragment").hasSizeGreaterThan(1);
        }
    }

    @Test
    void anOperationOpenToAnyoneNeedsNoTokenAndEveryOtherOneNeedsABearerToken() {
        DOCS.fragments().forEach((feature, fragment) -> fragment.path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(op -> {
                    if (!OpenApiDocs.METHODS.contains(op.getKey())) {
                        return;
                    }
                    String name = feature + ": " + op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    String access = op.getValue().path("x-access").asText();
                    JsonNode security = op.getValue().path("security");
                    assertThat(security.isArray()).as(name + " declares its security").isTrue();
                    if (access.startsWith("anyone")) {
                        assertThat(security).as(name + " is open to " + access).isEmpty();
                    } else {
                        assertThat(security.findParent("bearer")).as(name + " (" + access + ") takes a bearer token").isNotNull();
                    }
                })));
    }

    @Test
    void eachFragmentDescribesTheRoutesOfOneFeatureOfTheAuthorizationMatrix() {
        // each feature's IT holds its rows of AuthorizationMatrixIT, which fails when a registered route has none
        List<Set<String>> features = AuthorizationMatrixIT.FEATURES.stream()
                .map(rows -> Set.copyOf(rows.routes().stream().filter(route -> !route.startsWith("HEAD ")).toList()))
                .toList();
        DOCS.fragments().forEach((feature, fragment) -> {
            Set<String> operations = new HashSet<>();
            fragment.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (OpenApiDocs.METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
            assertThat(features).as(feature + "/openapi.json describes " + operations + ", which are not the routes of "
                    + "one feature's rows of the authorization matrix: " + features).contains(operations);
        });
    }

    /** {@code #/components/<kind>/<name>} of each component a fragment declares. */
    private static Set<String> declared(JsonNode fragment) {
        Set<String> names = new HashSet<>();
        fragment.path("components").fields().forEachRemaining(kind -> kind.getValue().fieldNames()
                .forEachRemaining(name -> names.add("#/components/" + kind.getKey() + "/" + name)));
        return names;
    }

    /** The references of a fragment's paths and, through them, of the components they reach. */
    private static Set<String> reachable(JsonNode fragment, JsonNode base) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(OpenApiDocs.refs(fragment.path("paths")));
        while (!todo.isEmpty()) {
            String ref = todo.remove(todo.size() - 1);
            if (seen.add(ref)) {
                String pointer = ref.substring(1);
                JsonNode target = fragment.at(pointer).isMissingNode() ? base.at(pointer) : fragment.at(pointer);
                todo.addAll(OpenApiDocs.refs(target));
            }
        }
        return seen;
    }

    private static void assertGenerated(Path file, String expected) throws IOException {
        if (WRITE) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.readString(file)).as(file + " differs from what the OpenAPI fragments generate; regenerate it with: "
                + OpenApiDocs.REGENERATE).isEqualTo(expected);
    }
}
