package io.tokenlife.domain.settings;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an unknown variable name is probably a misspelling of a known one: the same name in another
 * case; one or two letters wrong, missing, extra or swapped (only one for names up to eight letters, none
 * for names of four: {@code HOME} is not {@code HOST}); or a known name with a {@code _PART} missing or
 * added ({@code JWT_SECRET}, {@code DATABASE_URL_FILE}). Only names made like ours count.
 */
final class SimilarNames {
    private SimilarNames() {
    }

    static Optional<String> closest(String candidate, Collection<String> known) {
        if (!candidate.matches("[A-Za-z][A-Za-z0-9_]*")) {
            return Optional.empty();
        }
        String upper = candidate.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(upper, name);
            if (distance < bestDistance && (distance <= allowedTypos(name) || differsByAPart(upper, name))) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int allowedTypos(String name) {
        return name.length() <= 4 ? 0 : name.length() <= 8 ? 1 : 2;
    }

    /** {@code JWT_SECRET} for {@code JWT_SECRET_KEY}, {@code DATABASE_URL_FILE} for {@code DATABASE_URL}. */
    private static boolean differsByAPart(String candidate, String name) {
        List<String> parts = List.of(name.split("_"));
        if (parts.size() < 2) {
            return false; // HOSTNAME is no HOST, PORTS no PORT
        }
        return candidate.startsWith(name + "_") && candidate.indexOf('_', name.length() + 1) < 0
                || name.startsWith(candidate + "_") && candidate.contains("_")
                && name.indexOf('_', candidate.length() + 1) < 0;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
