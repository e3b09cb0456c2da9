package org.casework.matching;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers recent analyses (of names, of words, of word pairs), so that one met again is not
 * computed again.
 *
 * <p>Bounded because what a server compares over its lifetime is unbounded (every name of
 * millions of stored records may be a candidate once), while only what is met again soon is worth
 * keeping. Two generations: lookups read the current one, then the previous one; a key found in
 * neither is analysed and put in the current one; when the current one is full it becomes the
 * previous one and the old previous one is dropped. So keys in use stay cached and eviction costs
 * one map swap, without a lock on the lookup path. Threads racing on one key may both analyse it;
 * either result is correct, as an analysis depends on its key alone.
 *
 * @param <K> what is analysed; its equals and hashCode decide what is the same
 * @param <V> the analysis, immutable, as it is shared by every thread
 */
final class BoundedCache<K, V> {

    private final int generation;
    private final Function<? super K, ? extends V> analysis;
    private volatile ConcurrentHashMap<K, V> current;
    private volatile ConcurrentHashMap<K, V> previous;

    /**
     * @param capacity the most keys held, give or take one per thread adding a key at that moment
     * @param analysis computes a key's value; never null
     */
    BoundedCache(int capacity, Function<? super K, ? extends V> analysis) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.generation = capacity / 2;
        this.analysis = analysis;
        this.current = newGeneration();
        this.previous = newGeneration();
    }

    /** The analysis of {@code key}, from the cache or made now. */
    V get(K key) {
        ConcurrentHashMap<K, V> cur = current;
        V v = cur.get(key);
        if (v != null) {
            return v;
        }
        v = previous.get(key);
        if (v == null) {
            v = analysis.apply(key);
        }
        V raced = cur.putIfAbsent(key, v);
        if (raced != null) {
            return raced;
        }
        if (cur.size() >= generation) {
            rotate(cur);
        }
        return v;
    }

    /** How many keys are held now. */
    int size() {
        return current.size() + previous.size();
    }

    private synchronized void rotate(ConcurrentHashMap<K, V> full) {
        // another thread may have rotated already: then the full map is the previous one now
        if (current == full) {
            previous = full;
            current = newGeneration();
        }
    }

    /** Sized for a full generation up front: growing it step by step rehashed every key on each lookup path. */
    private ConcurrentHashMap<K, V> newGeneration() {
        return new ConcurrentHashMap<>(generation);
    }
}
