package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.SigningKeyInfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock-driven side of managed keys, run by the service on a timer: make the changes the schedule
 * says are due (on one replica at a time), and load the in-memory ring from the store (on every replica,
 * also when another one changed a key).
 */
public interface RunKeyScheduleUseCase {
    /** Applies what is due now; a database outage is reported as waiting, never thrown. */
    Report run();

    /** Loads the ring from the store, e.g. after another replica changed a key. */
    Report reload();

    /**
     * @param changed the keys this call changed
     * @param waiting why the schedule could not run (the database is unavailable...), for {@code /ready} and logs
     */
    record Report(List<SigningKeyInfo> changed, Optional<String> waiting) {
        public Report {
            changed = List.copyOf(changed);
            Objects.requireNonNull(waiting, "waiting");
        }

        public static Report waiting(String why) {
            return new Report(List.of(), Optional.of(why));
        }
    }
}
