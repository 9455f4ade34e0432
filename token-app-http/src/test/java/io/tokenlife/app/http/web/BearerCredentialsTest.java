package io.tokenlife.app.http.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Authorization} value scanned by hand; the requests themselves are covered by AuthorizationIT. */
class BearerCredentialsTest {
    @Test
    void the_credentials_follow_the_scheme_in_any_case_with_surrounding_whitespace_dropped() {
        assertThat(Authenticator.bearerCredentials("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(Authenticator.bearerCredentials("  bEARER \t abc.def.ghi \t ")).isEqualTo("abc.def.ghi");
    }

    @Test
    void another_scheme_a_longer_word_or_no_credentials_is_unauthorized() {
        for (String header : new String[] {"Basic abc", "Bearerx abc", "Bea abc", "Bearer", "Bearer   ", "abc"}) {
            assertThatThrownBy(() -> Authenticator.bearerCredentials(header))
                    .as(header)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("Bearer scheme");
        }
    }
}
