package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyTest {
    @Test
    void theTargetIsBuiltOnlyWhenAMethodIsCalledAndAnswersIt() {
        AtomicInteger built = new AtomicInteger();
        IntSupplier lazy = Lazy.of(IntSupplier.class, () -> {
            built.incrementAndGet();
            return () -> 42;
        });

        assertThat(built).hasValue(0);
        assertThat(lazy.toString()).isEqualTo("Lazy[IntSupplier]");
        assertThat(lazy).isEqualTo(lazy).isNotEqualTo(Lazy.of(IntSupplier.class, () -> () -> 42));
        assertThat(built).as("toString, equals and hashCode build nothing").hasValue(0);
        assertThat(lazy.getAsInt()).isEqualTo(42);
        assertThat(built).hasValue(1);
    }

    @Test
    void theTargetsExceptionLeavesUnwrapped() {
        IntSupplier lazy = Lazy.of(IntSupplier.class, () -> () -> {
            throw new StoreUnavailableException("database down", null);
        });

        assertThatThrownBy(lazy::getAsInt).isInstanceOf(StoreUnavailableException.class).hasMessage("database down");
    }

    @Test
    void aClassIsRefused() {
        assertThatThrownBy(() -> Lazy.of(Object.class, Object::new)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object is not an interface");
    }
}
