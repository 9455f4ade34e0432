package io.tokenlife.domain.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Managed signing keys: {@code KEY_MANAGEMENT}, the key-encryption secret, how long a key signs and how
 * long before that it is published.
 */
public record KeySettings(KeyManagement management, Optional<Secret> encryptionSecret, Duration rotationPeriod,
                          Duration publishAhead) {
    public static final Setting<KeyManagement> KEY_MANAGEMENT = Setting.choice("KEY_MANAGEMENT", KeyManagement.class,
                    KeyManagement.STATIC, Section.KEY_MANAGEMENT)
            .doc("`static`: the key from `JWT_SECRET_KEY` or the PEM files, rotated by hand. `managed`: keys generated "
                    + "for `JWT_ALGORITHM`, stored encrypted in the database, rotated on schedule and retired when their "
                    + "last token expires (`tokenlife keys list`); needs a database shared by every replica");
    public static final Setting<Optional<Secret>> KEY_ENCRYPTION_SECRET = Setting.secret("KEY_ENCRYPTION_SECRET",
                    Section.KEY_MANAGEMENT)
            .allowing("any string of at least 32 bytes")
            .doc("Encrypts managed private keys at rest (AES-256-GCM under a key derived with HKDF-SHA256); the database "
                    + "holds ciphertext only. Required for `managed` outside `development`; a wrong one refuses startup "
                    + "naming this variable, and changes nothing");
    public static final Setting<Integer> KEY_ROTATION_DAYS = Setting.integer("KEY_ROTATION_DAYS", 90, 1, 3650,
                    Section.KEY_MANAGEMENT)
            .doc("`managed`: a key signs this long, then the next one takes over; the old one verifies until its last "
                    + "token expires");
    public static final Setting<Integer> KEY_PUBLISH_AHEAD_MINUTES = Setting.integer("KEY_PUBLISH_AHEAD_MINUTES", 1440,
                    5, 525_600, Section.KEY_MANAGEMENT)
            .doc("`managed`: a key is in the JWKS this long before it signs, so every validator has seen it; the JWKS "
                    + "`Cache-Control: max-age` is at most half of it (and at most an hour)");

    public static final List<Setting<?>> VARIABLES = List.of(KEY_MANAGEMENT, KEY_ENCRYPTION_SECRET, KEY_ROTATION_DAYS,
            KEY_PUBLISH_AHEAD_MINUTES);

    /** The shortest key-encryption secret: 256 bits. */
    public static final int MIN_ENCRYPTION_SECRET_BYTES = 32;

    public KeySettings {
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(encryptionSecret, "encryptionSecret");
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(publishAhead, "publishAhead");
    }

    public static KeySettings from(ConfigSource source) {
        return new KeySettings(KEY_MANAGEMENT.read(source), KEY_ENCRYPTION_SECRET.read(source),
                Duration.ofDays(KEY_ROTATION_DAYS.read(source)), Duration.ofMinutes(KEY_PUBLISH_AHEAD_MINUTES.read(source)));
    }

    public boolean isManaged() {
        return management == KeyManagement.MANAGED;
    }

    /**
     * The JWKS {@code max-age}: half the publish-ahead time, at most an hour, so a validator that honours it
     * has refreshed at least twice between a key's publication and its first signature.
     */
    public Duration jwksMaxAge() {
        Duration half = publishAhead.dividedBy(2);
        return half.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : half;
    }
}
