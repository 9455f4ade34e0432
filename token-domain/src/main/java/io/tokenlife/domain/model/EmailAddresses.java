package io.tokenlife.domain.model;

/**
 * The syntax an e-mail address of a user (and {@code PLATFORM_ADMIN_EMAIL}) must have: a local part of 1–64
 * and a domain of 1–255 characters around one {@code @}; no space, no control or format character (U+0001,
 * U+2028, bidirectional overrides…), none of RFC 5322's specials {@code ()<>[]:;,\"}; dots only between
 * characters; a domain of letters, digits and hyphens in dot-separated labels of at most 63. Not every
 * address RFC 5322 allows (no quoted local parts, no address literals), but every address a person types,
 * internationalised ones included, and nothing that can break a header, a URL or a log line.
 */
public final class EmailAddresses {
    public static final int MAX_LOCAL = 64;
    public static final int MAX_DOMAIN = 255;
    private static final int MAX_LABEL = 63;
    private static final String SPECIALS = "()<>[]:;,\\\"@";

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        if (address == null) {
            return false;
        }
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return local.length() <= MAX_LOCAL && validLocal(local) && !domain.isEmpty() && domain.length() <= MAX_DOMAIN
                && validDomain(domain);
    }

    /** The value as an error message may quote it: controls escaped, at most 80 characters. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "…" : out.toString();
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(cp -> visible(cp) && SPECIALS.indexOf(cp) < 0);
    }

    private static boolean validDomain(String domain) {
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return false;
        }
        for (String label : domain.split("\\.")) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            if (!label.codePoints().allMatch(cp -> cp == '-' || Character.isLetterOrDigit(cp))) {
                return false;
            }
        }
        return true;
    }

    /** Not a space, a control, a format character (bidirectional overrides, zero-width joiners) or a separator. */
    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
                && type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }
}
