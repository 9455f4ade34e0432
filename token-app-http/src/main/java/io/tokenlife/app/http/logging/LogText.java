package io.tokenlife.app.http.logging;

/**
 * The one rule for text that reaches a log line, whoever wrote it (our code, Jetty, Jdbi, a JDK library
 * through java.util.logging) and whatever the format: both encoders ({@link OneLineTextEncoder},
 * {@link OneLineJsonEncoder}) pass every encoded event through {@link #oneLine}, so a value cannot start a
 * line of its own however it got into the message, an argument, a field or a stack trace.
 */
public final class LogText {
    /** A text line longer than this is cut (a JSON line is not: cutting would break it; its values are bounded). */
    public static final int MAX_TEXT_LINE = 8192;
    /** A security event's field value longer than this is cut. */
    public static final int MAX_VALUE = 256;

    private LogText() {
    }

    /**
     * Escapes every character that a terminal, a log shipper or a JSON/JavaScript reader may take as the end
     * of a line or as a control: C0 and C1 controls (CR, LF, TAB, NEL, ESC…), DEL, U+2028/U+2029 and the
     * bidirectional overrides (which can make a line read differently from what it holds). They become
     * {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}: visible, and valid inside a JSON string.
     */
    public static String oneLine(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /** {@link #oneLine} and at most {@code max} characters, with how many were cut. */
    public static String bounded(CharSequence text, int max) {
        String line = oneLine(text);
        if (line.length() <= max) {
            return line;
        }
        int cut = max;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut) + "…[" + (line.length() - cut) + " more]";
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean separator = c == '\u2028' || c == '\u2029';
        boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
        if (control || separator || bidi) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
