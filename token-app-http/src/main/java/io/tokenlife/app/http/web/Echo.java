package io.tokenlife.app.http.web;

/**
 * A value from the request, made safe to repeat in a problem detail: cut to a bound (on code points, so no
 * surrogate pair is split) and with every control, format, separator, private-use or unassigned character
 * (line breaks, U+2028, bidi overrides) replaced by {@code ?}. Letters of every script are kept: problem
 * bodies are UTF-8, so {@code é} and {@code 中} come back as sent.
 */
public final class Echo {
    private Echo() {
    }

    public static String printable(String value, int maxCodePoints) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxCodePoints * 2) + 3);
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == maxCodePoints) {
                return out.append("...").toString();
            }
            out.appendCodePoint(shown(cp) ? cp : '?');
        }
        return out.toString();
    }

    private static boolean shown(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
