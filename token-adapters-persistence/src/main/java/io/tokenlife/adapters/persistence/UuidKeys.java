package io.tokenlife.adapters.persistence;

/** Reads a canonical lower-case UUID string as two longs, without allocating. */
final class UuidKeys {
    private UuidKeys() {
    }

    /**
     * True for exactly the form {@code java.util.UUID#toString} produces: 36 characters, lower-case hex,
     * dashes at 8, 13, 18 and 23. Other spellings are other jtis (jtis compare as strings).
     */
    static boolean isCanonical(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The most significant 64 bits; {@code s} must be canonical. */
    static long high(String s) {
        long v = hex(s, 0, 8, 0);
        v = hex(s, 9, 13, v);
        return hex(s, 14, 18, v);
    }

    /** The least significant 64 bits; {@code s} must be canonical. */
    static long low(String s) {
        long v = hex(s, 19, 23, 0);
        return hex(s, 24, 36, v);
    }

    private static long hex(String s, int from, int to, long acc) {
        long v = acc;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            v = (v << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }
}
