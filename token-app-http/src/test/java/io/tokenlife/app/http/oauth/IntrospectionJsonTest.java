package io.tokenlife.app.http.oauth;

import io.tokenlife.app.http.web.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written introspection answer is byte for byte what the API's one mapper writes. */
class IntrospectionJsonTest {
    private static void sameAsTheMapper(Introspection in) {
        assertThat(new String(IntrospectionJson.write(in), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.bytes(in), StandardCharsets.UTF_8));
    }

    @Test
    void anActiveApiToken() {
        sameAsTheMapper(new Introspection(true, "alice@example.com", "31f09f31-134e-4c68-b408-8c708566fa71",
                "tokenlife", "tokenlife-api", 1796219763L, 1796133363L, "tokens:read", "api", null, "Bearer"));
    }

    @Test
    void severalAudiencesAndMissingFields() {
        sameAsTheMapper(new Introspection(true, "bob@example.com", null, "iss", List.of("a", "b", "c"), null,
                0L, null, "session", "client-1", "Bearer"));
        sameAsTheMapper(new Introspection(false, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void charactersThatNeedEscapingAndNonAscii() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        sameAsTheMapper(new Introspection(true, "quote\" back\\slash /slash " + controls + " \u007f", "jti",
                "é€ 😀 \u2028", List.of("naïve", "\"x\""), -5L, Long.MAX_VALUE, "a b", "api", null, "Bearer"));
    }
}
