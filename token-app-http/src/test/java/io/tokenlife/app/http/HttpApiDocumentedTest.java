package io.tokenlife.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reference/http-api.md describes every operation of openapi.json. */
class HttpApiDocumentedTest {
    private static final Path REFERENCE = Path.of("..", "docs", "reference", "http-api.md");

    @Test
    void everyOperationOfTheOpenApiDocumentHasASectionInTheHttpApiReference() throws Exception {
        JsonNode doc;
        try (InputStream in = HttpApiDocumentedTest.class.getResourceAsStream("/io/tokenlife/app/http/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        String reference = Files.readString(REFERENCE);
        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add("`" + method.toUpperCase(Locale.ROOT) + " " + path.getKey() + "`")));
        assertThat(operations).hasSizeGreaterThan(10);
        List<String> missing = operations.stream().filter(op -> !reference.contains("### " + op)).toList();
        assertThat(missing).as("operations without a '### `METHOD /path`' section in " + REFERENCE).isEmpty();
    }
}
