package io.tokenlife.domain.port.in;

import java.util.Objects;

/** What became of a family revocation. */
public sealed interface RevokeFamilyResult permits RevokeFamilyResult.Revoked, RevokeFamilyResult.NotVisible, Invalid {
    /** @param accessTokensRevoked the live access tokens of the family revoked now */
    record Revoked(String familyId, String subject, int accessTokensRevoked) implements RevokeFamilyResult {
        public Revoked {
            Objects.requireNonNull(familyId, "familyId");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** Unknown, or not the actor's: nothing changed. */
    record NotVisible() implements RevokeFamilyResult {
    }
}
