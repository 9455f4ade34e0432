package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedWithCostEleven() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$2a$11$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).isNotEqualTo(hash);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAcceptedAndAMalformedHashMatchesNothing() {
        String longPassword = "x".repeat(100);

        assertThat(hasher.matches(longPassword, hasher.hash(longPassword))).isTrue();
        assertThat(hasher.matches("anything", "not-a-bcrypt-hash")).isFalse();
        assertThat(hasher.matches("anything", "")).isFalse();
    }
}
