package io.tokenlife.adapters.persistence;

import java.util.Optional;

/**
 * A revocation as carried in a NOTIFY payload: {@code j|seq|expiresMillis|jti}, {@code s|seq|cutoffMillis|subject}
 * or {@code g|seq|cutoffMillis|}. The receiver applies it without a round trip to the database.
 */
record RevocationEvent(Kind kind, long seq, long value, String key) {
    enum Kind { JTI, SUBJECT, GLOBAL }

    static RevocationEvent jti(long seq, String jti, long expiresAtMillis) {
        return new RevocationEvent(Kind.JTI, seq, expiresAtMillis, jti);
    }

    static RevocationEvent subjectCutoff(long seq, String subject, long cutoffMillis) {
        return new RevocationEvent(Kind.SUBJECT, seq, cutoffMillis, subject);
    }

    static RevocationEvent globalCutoff(long seq, long cutoffMillis) {
        return new RevocationEvent(Kind.GLOBAL, seq, cutoffMillis, "");
    }

    String encode() {
        char tag = kind == Kind.JTI ? 'j' : kind == Kind.SUBJECT ? 's' : 'g';
        return tag + "|" + seq + "|" + value + "|" + key;
    }

    /** Empty for a payload this version does not understand (the catch-up still applies the change). */
    static Optional<RevocationEvent> decode(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\|", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(parts[1]);
            long value = Long.parseLong(parts[2]);
            switch (parts[0]) {
                case "j":
                    return parts[3].isEmpty() ? Optional.empty() : Optional.of(jti(seq, parts[3], value));
                case "s":
                    return parts[3].isEmpty() ? Optional.empty() : Optional.of(subjectCutoff(seq, parts[3], value));
                case "g":
                    return Optional.of(globalCutoff(seq, value));
                default:
                    return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
