package io.tokenlife.adapters.persistence;

/**
 * The domain's bounds on the keys of the tables, checked again before the database sees them. The use
 * cases check first, so failing here is a bug above (a logged 500), not bad input.
 */
final class Limits {
    static final int JTI = io.tokenlife.domain.model.Limits.MAX_JTI;
    static final int SUBJECT = io.tokenlife.domain.model.Limits.MAX_SUBJECT;

    private Limits() {
    }

    static void checkJti(String jti) {
        if (jti.length() > JTI) {
            throw new IllegalArgumentException("jti must be at most " + JTI + " characters, got " + jti.length());
        }
    }

    static void checkSubject(String subject) {
        if (subject != null && subject.length() > SUBJECT) {
            throw new IllegalArgumentException("subject must be at most " + SUBJECT + " characters, got "
                    + subject.length());
        }
    }
}
