package io.tokenlife.domain.port.in;

/** Deletes registry rows and revocations whose tokens expired more than the leeway ago. */
public interface PurgeExpiredUseCase {
    PurgeResult purge();

    /** @param refreshTokens expired refresh tokens deleted (with the families left without any) */
    record PurgeResult(int registryRows, int revocations, int refreshTokens) {
        public PurgeResult(int registryRows, int revocations) {
            this(registryRows, revocations, 0);
        }
    }
}
