package io.tokenlife.domain.revocation;

import io.tokenlife.domain.model.Subjects;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Revoke-all of one subject: every token of the subject issued at or before its cut-off ({@link Cutoffs}). */
public final class SubjectCutoffs implements RevocationKind {
    public static final RevocationState REVOKED = new RevocationState("subject",
            "every token of this subject issued before a revoke-all has been revoked",
            "issued before a revoke-all cut-off");

    /** The subject's cut-off is now {@code cutoffMillis} (epoch millis), unless a later one is held already. */
    public record Cutoff(String subject, long cutoffMillis) implements RevocationChange {
        public Cutoff {
            subject = Subjects.normalize(subject);
        }
    }

    /** normalized subject → cut-off millis */
    private final Map<String, Long> cutoffs = new ConcurrentHashMap<>();

    SubjectCutoffs() {
    }

    @Override
    public RevocationState check(RevocationQuery token) {
        if (token.subject() == null || cutoffs.isEmpty()) {
            return RevocationState.NOT_REVOKED;
        }
        // normalize returns the same instance for an already normalized subject: no allocation
        Long cutoff = cutoffs.get(Subjects.normalize(token.subject()));
        return cutoff != null && Cutoffs.covers(cutoff, token.issuedAt()) ? REVOKED : RevocationState.NOT_REVOKED;
    }

    @Override
    public boolean apply(RevocationChange change) {
        if (!(change instanceof Cutoff cutoff)) {
            return false;
        }
        cutoffs.merge(cutoff.subject(), cutoff.cutoffMillis(),
                (held, offered) -> Cutoffs.replaces(offered, held) ? offered : held);
        return true;
    }
}
