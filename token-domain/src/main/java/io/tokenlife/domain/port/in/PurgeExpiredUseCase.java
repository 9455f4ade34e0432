package io.tokenlife.domain.port.in;

/** Deletes registry rows and revocations whose tokens expired more than the leeway ago. */
public interface PurgeExpiredUseCase {
    PurgeResult purge();

    record PurgeResult(int registryRows, int revocations) {
    }
}
