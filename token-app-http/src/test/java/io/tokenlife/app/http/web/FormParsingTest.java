package io.tokenlife.app.http.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The form body parser on its bytes; the endpoints that use it are covered by OAuthEndpointsIT. */
class FormParsingTest {
    private static Map<String, String> parse(String body) {
        return RequestBody.parseForm(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainFieldsComeOutAsTheyAre() {
        assertThat(parse("token=eyJ.abc-_.sig&token_type_hint=access_token"))
                .isEqualTo(Map.of("token", "eyJ.abc-_.sig", "token_type_hint", "access_token"));
    }

    @Test
    void percentEncodingAndPlusAreDecodedInNamesAndValues() {
        assertThat(parse("na%6De=a+b%20c%C3%A9")).isEqualTo(Map.of("name", "a b cé"));
    }

    @Test
    void theFirstValueWinsAndEmptyPartsAreSkipped() {
        assertThat(parse("&a=1&&a=2&b&=x&")).isEqualTo(Map.of("a", "1", "b", "", "", "x"));
        assertThat(parse("")).isEmpty();
    }

    @Test
    void rawUtf8IsKept() {
        assertThat(parse("v=é€")).isEqualTo(Map.of("v", "é€"));
    }

    @Test
    void aMalformedPercentEncodingIsABadRequest() {
        assertThatThrownBy(() -> parse("token=%zz")).isInstanceOf(ApiException.class)
                .hasMessageContaining("malformed percent-encoding");
    }
}
