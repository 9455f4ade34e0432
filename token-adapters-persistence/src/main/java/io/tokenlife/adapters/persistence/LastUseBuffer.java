package io.tokenlife.adapters.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Last-use times waiting to be written (jti → epoch milliseconds, the stored precision), filled by every
 * validation and drained by the background flush. A jti already buffered is updated without a lock: a
 * {@code ConcurrentHashMap.merge} per validation locked the entry, and with one token presented by many
 * connections at once (a resource server's own credential) every validation queued on it
 * (bench/README.md, "Results of 2026-12-01, afternoon"). Bounded: beyond {@code capacity} distinct jtis
 * (a flood while the database is down) new ones are dropped; last use is a hint, not a record.
 */
final class LastUseBuffer {
    private final int capacity;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    LastUseBuffer(int capacity) {
        this.capacity = capacity;
    }

    void record(String jti, long millis) {
        AtomicLong cell = pending.get(jti);
        while (true) {
            if (cell == null) {
                if (pending.size() >= capacity) {
                    return;
                }
                cell = pending.putIfAbsent(jti, new AtomicLong(millis));
                if (cell == null) {
                    return;
                }
            }
            long known = cell.get();
            while (known < millis && !cell.compareAndSet(known, millis)) {
                known = cell.get();
            }
            if (known >= millis) {
                return; // a later or equal time is buffered, or was already drained with it
            }
            // written: if a drain removed this cell meanwhile it may have read the older value; buffer again
            AtomicLong current = pending.get(jti);
            if (current == cell) {
                return;
            }
            cell = current;
        }
    }

    /** Takes everything buffered; a cell is removed before it is read, so no later update is lost. */
    Map<String, Long> drain() {
        Map<String, Long> batch = new HashMap<>();
        for (String jti : List.copyOf(pending.keySet())) {
            AtomicLong cell = pending.remove(jti);
            if (cell != null) {
                batch.put(jti, cell.get());
            }
        }
        return batch;
    }

    /** Puts back a drained batch that could not be written. */
    void restore(Map<String, Long> batch) {
        batch.forEach(this::record);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }
}
