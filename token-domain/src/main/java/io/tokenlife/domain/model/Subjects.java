package io.tokenlife.domain.model;

import java.util.Locale;

/** Subjects are e-mail addresses, compared without regard to case. */
public final class Subjects {
    private Subjects() {
    }

    public static String normalize(String subject) {
        return subject == null ? null : subject.trim().toLowerCase(Locale.ROOT);
    }
}
