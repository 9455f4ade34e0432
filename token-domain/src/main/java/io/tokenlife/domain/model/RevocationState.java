package io.tokenlife.domain.model;

/** Whether, and by which rule, a token is revoked. An enum so the validation path allocates nothing. */
public enum RevocationState {
    NOT_REVOKED, JTI_REVOKED, SUBJECT_CUTOFF, GLOBAL_CUTOFF;

    public boolean isRevoked() {
        return this != NOT_REVOKED;
    }
}
