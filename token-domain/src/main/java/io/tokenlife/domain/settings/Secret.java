package io.tokenlife.domain.settings;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A secret value (key, password) that never shows itself in {@code toString}, logs or exceptions. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public int lengthInBytes() {
        return utf8().length;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
