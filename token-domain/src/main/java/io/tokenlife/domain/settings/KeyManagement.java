package io.tokenlife.domain.settings;

/** {@code KEY_MANAGEMENT}: where signing keys come from. */
public enum KeyManagement {
    /** From {@code JWT_SECRET_KEY} (and {@code JWT_PREVIOUS_SECRET_KEYS}) or the PEM files; rotated by hand. */
    STATIC,
    /** Generated, stored encrypted in the database and rotated on schedule by the platform. */
    MANAGED
}
