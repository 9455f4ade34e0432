package io.tokenlife.domain.revocation;

/**
 * A set of UUIDs (two longs each) with an expiry in seconds, in primitive arrays with open addressing:
 * about 20 bytes a slot, so a million live revocations hold about 40 MB instead of the ~200 MB of a
 * {@code HashMap<String, ...>}.
 *
 * <p>Readers take no lock and allocate nothing: they read the volatile {@link Slots} reference and probe.
 * Writers are serialized by the monitor. A slot is only ever filled (never moved) in place, and
 * removal leaves a tombstone that keeps the key, so a concurrent probe never misses a present key;
 * growth and compaction build new arrays and swap the reference.
 */
final class UuidRevocationTable {
    /** Expiry of an entry without one: unsigned max, past every real instant. */
    static final int NEVER = -1;
    /** A removed entry: its key still occupies the slot so probe chains stay intact. */
    private static final int REMOVED = -2;
    private static final long LARGEST_EXPIRY = 0xFFFF_FFFDL;
    private static final int MIN_CAPACITY = 1024;

    /** keys[2i] and keys[2i+1] are slot i's high and low halves, side by side: one cache line per probe. */
    private static final class Slots {
        final long[] keys;
        final int[] expiry;
        final int mask;

        Slots(int capacity) {
            keys = new long[capacity * 2];
            expiry = new int[capacity];
            mask = capacity - 1;
        }
    }

    private volatile Slots slots = new Slots(MIN_CAPACITY);
    private int size;
    private int removed;

    /** Lock-free. The all-zero UUID cannot be stored here (it marks an empty slot). */
    boolean contains(long high, long low) {
        Slots s = slots;
        int i = index(high, low, s.mask);
        while (true) {
            long h = s.keys[2 * i];
            long l = s.keys[2 * i + 1];
            if (h == high && l == low) {
                return s.expiry[i] != REMOVED;
            }
            if (h == 0 && l == 0) {
                return false;
            }
            i = (i + 1) & s.mask;
        }
    }

    static boolean storable(long high, long low) {
        return high != 0 || low != 0;
    }

    /** @param expiresAtMillis epoch millis, or {@link Long#MAX_VALUE} for no expiry */
    synchronized void add(long high, long low, long expiresAtMillis) {
        int expiry = encodeExpiry(expiresAtMillis);
        Slots s = slots;
        int i = index(high, low, s.mask);
        while (true) {
            long h = s.keys[2 * i];
            long l = s.keys[2 * i + 1];
            if (h == high && l == low) {
                if (s.expiry[i] == REMOVED) {
                    removed--;
                    size++;
                }
                s.expiry[i] = expiry;
                slots = s; // volatile write: publishes the change
                return;
            }
            if (h == 0 && l == 0) {
                break;
            }
            i = (i + 1) & s.mask;
        }
        if ((size + removed + 1) * 4L > (s.mask + 1) * 3L) {
            s = rebuild(size + 1);
            i = index(high, low, s.mask);
            while (s.keys[2 * i] != 0 || s.keys[2 * i + 1] != 0) {
                i = (i + 1) & s.mask;
            }
        }
        // expiry and low first, high last: a half-written slot never looks empty to a reader
        s.expiry[i] = expiry;
        s.keys[2 * i + 1] = low;
        s.keys[2 * i] = high;
        size++;
        slots = s;
    }

    /** Pre-sizes before a bulk load, so the load does not rehash again and again. */
    synchronized void ensureCapacity(int entries) {
        if ((long) (entries + removed) * 4 > (slots.mask + 1) * 3L) {
            rebuild(entries);
        }
    }

    /** Marks entries whose expiry is before {@code beforeMillis} removed; returns how many. */
    synchronized int removeExpiredBefore(long beforeMillis) {
        Slots s = slots;
        int count = 0;
        for (int i = 0; i <= s.mask; i++) {
            int e = s.expiry[i];
            if ((s.keys[2 * i] != 0 || s.keys[2 * i + 1] != 0) && e != REMOVED && e != NEVER && Integer.toUnsignedLong(e) * 1000 < beforeMillis) {
                s.expiry[i] = REMOVED;
                count++;
            }
        }
        size -= count;
        removed += count;
        slots = s;
        if (removed > size && removed > MIN_CAPACITY) {
            rebuild(size);
        }
        return count;
    }

    synchronized int size() {
        return size;
    }

    /** Copies the live entries into new arrays sized for {@code entries} and publishes them. */
    private Slots rebuild(int entries) {
        int capacity = MIN_CAPACITY;
        while ((long) entries * 4 > capacity * 3L) {
            capacity <<= 1;
        }
        Slots old = slots;
        Slots fresh = new Slots(capacity);
        for (int i = 0; i <= old.mask; i++) {
            long h = old.keys[2 * i];
            long l = old.keys[2 * i + 1];
            if ((h != 0 || l != 0) && old.expiry[i] != REMOVED) {
                int j = index(h, l, fresh.mask);
                while (fresh.keys[2 * j] != 0 || fresh.keys[2 * j + 1] != 0) {
                    j = (j + 1) & fresh.mask;
                }
                fresh.expiry[j] = old.expiry[i];
                fresh.keys[2 * j + 1] = l;
                fresh.keys[2 * j] = h;
            }
        }
        removed = 0;
        slots = fresh;
        return fresh;
    }

    /** Seconds, rounded up so an entry is never dropped before its expiry. */
    private static int encodeExpiry(long millis) {
        if (millis == Long.MAX_VALUE) {
            return NEVER;
        }
        long seconds = Math.max(0, Math.floorDiv(millis + 999, 1000));
        return (int) Math.min(seconds, LARGEST_EXPIRY);
    }

    private static int index(long high, long low, int mask) {
        long x = high * 0x9E3779B97F4A7C15L ^ low;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        return (int) x & mask;
    }
}
