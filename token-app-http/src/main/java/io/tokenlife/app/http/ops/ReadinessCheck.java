package io.tokenlife.app.http.ops;

/** Whether this process can serve: the database answers and the revocation index is current. */
@FunctionalInterface
public interface ReadinessCheck {
    Readiness check();

    /** @param keyRotationWaits why managed-key rotation cannot run now (it does not make the process unready) */
    record Readiness(boolean databaseReachable, boolean revocationsInSync, java.util.Optional<String> keyRotationWaits) {
        public Readiness(boolean databaseReachable, boolean revocationsInSync) {
            this(databaseReachable, revocationsInSync, java.util.Optional.empty());
        }

        public boolean ready() {
            return databaseReachable && revocationsInSync;
        }
    }

    static ReadinessCheck always() {
        return () -> new Readiness(true, true);
    }
}
