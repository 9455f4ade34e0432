package io.tokenlife.app.http.web;

import java.util.function.Function;

/**
 * The last values derived from a few immutable objects, looked up by the object's identity: a fixed table of
 * {@link #SLOTS} entries indexed by {@link System#identityHashCode}, each holding one key and its value; a new
 * key takes its slot's place. Bounded in memory whatever the traffic (it keeps at most {@code SLOTS} keys alive),
 * no lock, no eviction bookkeeping. Meant for values that are a pure function of their key, such as what is
 * derived from a verified token's claims, which the verified-token cache hands out as the same instance for as
 * long as it holds the token: a repeated token skips the derivation, every other one derives it as before.
 *
 * <p>Slots are read and written without synchronisation: an entry's fields are final, so a thread sees a whole
 * entry or an older one, and an older one is either the right key's or misses.
 */
public final class IdentityMemo<K, V> {
    static final int SLOTS = 256;

    private record Entry<K, V>(K key, V value) {
    }

    private final Function<? super K, ? extends V> derive;
    @SuppressWarnings("unchecked")
    private final Entry<K, V>[] slots = (Entry<K, V>[]) new Entry<?, ?>[SLOTS];

    public IdentityMemo(Function<? super K, ? extends V> derive) {
        this.derive = derive;
    }

    /** The value for {@code key}: remembered if this very object was seen last in its slot, derived otherwise. */
    public V get(K key) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Entry<K, V> entry = slots[slot];
        if (entry != null && entry.key() == key) {
            return entry.value();
        }
        V value = derive.apply(key);
        slots[slot] = new Entry<>(key, value);
        return value;
    }
}
