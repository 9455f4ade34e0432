package io.tokenlife.adapters.persistence;

/** Column sizes, checked before the database sees the value, so an oversized input is a clear bad request. */
final class Limits {
    static final int JTI = 255;
    static final int SUBJECT = 320;

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
