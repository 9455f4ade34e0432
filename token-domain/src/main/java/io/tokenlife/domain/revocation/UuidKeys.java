package io.tokenlife.domain.revocation;

import java.util.Arrays;

/** Reads a canonical lower-case UUID string as two longs, without allocating. */
final class UuidKeys {
    /** Digit value of a lower-case hex character; 16 (a bit no digit has) for anything else below 128. */
    private static final byte[] DIGIT = new byte[128];

    static {
        Arrays.fill(DIGIT, (byte) 16);
        for (char c = '0'; c <= '9'; c++) {
            DIGIT[c] = (byte) (c - '0');
        }
        for (char c = 'a'; c <= 'f'; c++) {
            DIGIT[c] = (byte) (c - 'a' + 10);
        }
    }

    private UuidKeys() {
    }

    /**
     * True for exactly the form {@code java.util.UUID#toString} produces: 36 characters, lower-case hex,
     * dashes at 8, 13, 18 and 23. Other spellings are other jtis (jtis compare as strings).
     */
    static boolean isCanonical(String s) {
        if (s == null || s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return false;
        }
        // one branch-free pass: any non-hex character sets bit 4 (or a bit above 6 if not ASCII)
        int bad = invalid(s, 0, 8) | invalid(s, 9, 13) | invalid(s, 14, 18) | invalid(s, 19, 23) | invalid(s, 24, 36);
        return bad == 0;
    }

    private static int invalid(String s, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            bad |= (c >>> 7) | (DIGIT[c & 0x7F] & 16);
        }
        return bad;
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
            v = (v << 4) | DIGIT[s.charAt(i) & 0x7F];
        }
        return v;
    }
}
