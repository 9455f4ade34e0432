package io.tokenlife.app.http.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityMemoTest {
    private final AtomicInteger derivations = new AtomicInteger();
    private final IdentityMemo<String, String> memo = new IdentityMemo<>(key -> {
        derivations.incrementAndGet();
        return "value of " + key;
    });

    @Test
    void the_same_object_is_derived_once() {
        String key = new String("claims");
        assertThat(memo.get(key)).isEqualTo("value of claims");
        assertThat(memo.get(key)).isEqualTo("value of claims");
        assertThat(derivations).hasValue(1);
    }

    @Test
    void an_equal_but_distinct_object_is_derived_again_from_itself() {
        String first = new String("claims");
        String second = new String("claims");
        memo.get(first);

        assertThat(memo.get(second)).isEqualTo("value of claims");
        assertThat(derivations.get()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(2);
        assertThat(memo.get(second)).isEqualTo("value of claims");
    }

    @Test
    void many_keys_each_get_their_own_value_and_the_table_stays_bounded() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < IdentityMemo.SLOTS * 8; i++) {
            keys.add("key " + i);
        }
        for (String key : keys) {
            assertThat(memo.get(key)).isEqualTo("value of " + key);
        }
        for (String key : keys) {
            assertThat(memo.get(key)).isEqualTo("value of " + key); // a displaced key is derived again, never mixed up
        }
        assertThat(derivations.get()).isGreaterThan(keys.size()); // at most SLOTS keys are kept
    }
}
