package io.tokenlife.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a.b+tag@sub.example.co", "o'brien@example.ie", "admin@localhost",
            "josé@exämple.de", "用户@例子.中国", "x_y-z@a-b.example"})
    void addressesPeopleTypeAreValid(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@example.com", "alice@", "alice", "a@b@c", "al ice@example.com", "alice@exa mple.com",
            "a\u0001b@example.com", "alice@example.com\u2028", "a\u2029@example.com", "a\u202e@example.com",
            "a\u200b@example.com", "a\n@example.com", "a\r@example.com", "a\t@example.com", "a\u0085@example.com",
            "a\u007f@example.com", ".alice@example.com", "alice.@example.com", "al..ice@example.com",
            "alice@.example.com", "alice@example..com", "alice@example.com.", "alice@-example.com",
            "alice@example-.com", "a<b>@example.com", "\"a\"@example.com", "a,b@example.com", "a;b@example.com",
            "a:b@example.com", "a(b)@example.com", "a[b]@example.com", "a\\b@example.com", "alice@exa_mple.com",
            "alice@example.com/x", "alice@example.com?x"})
    void anythingThatCouldBreakAHeaderAUrlOrALogLineIsNot(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @Test
    void theLengthsOfLocalPartDomainAndLabelAreBounded() {
        assertThat(EmailAddresses.isValid("l".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddresses.isValid("l".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("a@" + "d".repeat(63) + ".com")).isTrue();
        assertThat(EmailAddresses.isValid("a@" + "d".repeat(64) + ".com")).isFalse();
    }

    @Test
    void printableEscapesControlsAndBoundsTheQuotedValue() {
        assertThat(EmailAddresses.printable("a\u0001b\u2028c")).isEqualTo("a\\u0001b\\u2028c");
        assertThat(EmailAddresses.printable("x".repeat(100))).hasSize(81).endsWith("…");
    }
}
