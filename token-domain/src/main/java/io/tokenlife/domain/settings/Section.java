package io.tokenlife.domain.settings;

import java.util.Objects;

/**
 * A group of variables in the generated documents ({@code .env.example}, the tables); each module declares
 * the sections of its own variables, and {@code order} places them among the others.
 */
public record Section(int order, String title) {
    public static final Section ENVIRONMENT = new Section(10, "Environment");
    public static final Section JWT_SIGNING = new Section(20, "JWT signing");
    public static final Section KEY_MANAGEMENT = new Section(25, "Key management");
    public static final Section VALIDATION = new Section(30, "Validation");
    public static final Section ISSUANCE = new Section(40, "Issuance");
    public static final Section IDENTITY = new Section(50, "Identity / bootstrap");
    public static final Section STORAGE = new Section(70, "Storage");
    public static final Section PERFORMANCE = new Section(100, "Performance");

    public Section {
        Objects.requireNonNull(title, "title");
    }
}
