package io.tokenlife.adapters.persistence;

import io.tokenlife.domain.revocation.GlobalCutoff;
import io.tokenlife.domain.revocation.JtiRevocations;
import io.tokenlife.domain.revocation.RevocationChange;
import io.tokenlife.domain.revocation.SubjectCutoffs;

import java.util.Optional;

/**
 * A revocation as carried in a NOTIFY payload: {@code j|seq|expiresMillis|jti}, {@code s|seq|cutoffMillis|subject}
 * or {@code g|seq|cutoffMillis|}. The receiver applies the change without a round trip to the database.
 * A new kind of revocation adds one tag here; a replica that does not know a tag ignores it and the
 * catch-up applies the change instead.
 */
record RevocationEvent(long seq, RevocationChange change) {
    static RevocationEvent jti(long seq, String jti, long expiresAtMillis) {
        return new RevocationEvent(seq, new JtiRevocations.Revoked(jti, expiresAtMillis));
    }

    static RevocationEvent subjectCutoff(long seq, String subject, long cutoffMillis) {
        return new RevocationEvent(seq, new SubjectCutoffs.Cutoff(subject, cutoffMillis));
    }

    static RevocationEvent globalCutoff(long seq, long cutoffMillis) {
        return new RevocationEvent(seq, new GlobalCutoff.Cutoff(cutoffMillis));
    }

    String encode() {
        if (change instanceof JtiRevocations.Revoked j) {
            return "j|" + seq + "|" + j.expiresAtMillis() + "|" + j.jti();
        }
        if (change instanceof SubjectCutoffs.Cutoff s) {
            return "s|" + seq + "|" + s.cutoffMillis() + "|" + s.subject();
        }
        if (change instanceof GlobalCutoff.Cutoff g) {
            return "g|" + seq + "|" + g.cutoffMillis() + "|";
        }
        throw new IllegalArgumentException("no notification payload for " + change.getClass().getName());
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
