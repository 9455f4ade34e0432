package io.tokenlife.app.http.handler;

/** Whether this process can serve: the database answers and the revocation index is current. */
@FunctionalInterface
public interface ReadinessCheck {
    Readiness check();

    record Readiness(boolean databaseReachable, boolean revocationsInSync) {
        public boolean ready() {
            return databaseReachable && revocationsInSync;
        }
    }

    static ReadinessCheck always() {
        return () -> new Readiness(true, true);
    }
}
