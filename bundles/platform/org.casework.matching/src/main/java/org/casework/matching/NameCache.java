package org.casework.matching;

import java.util.concurrent.ConcurrentHashMap;
import org.casework.matching.NameWords.Parsed;

/**
 * Remembers recently analysed names, so that a name met again (a homonym among a probe's
 * candidates, the same probe on the next intake) is not split, transliterated and coded again.
 *
 * <p>Bounded because the names a server compares over its lifetime are unbounded (every name of
 * millions of stored records may be a candidate once), while only the names met again soon are
 * worth keeping. Two generations: lookups read the current one, then the previous one; a name
 * found in neither is analysed and put in the current one; when the current one is full it
 * becomes the previous one and the old previous one is dropped. So names in use stay cached and
 * eviction costs one map swap, without a lock on the lookup path. Threads racing on one name may
 * both analyse it; either result is correct, as a name's analysis depends on the name alone.
 */
final class NameCache {

    private final int generation;
    private volatile ConcurrentHashMap<String, Parsed> current;
    private volatile ConcurrentHashMap<String, Parsed> previous;

    /** @param capacity the most names held, give or take one per thread adding a name at that moment */
    NameCache(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.generation = capacity / 2;
        this.current = newGeneration();
        this.previous = newGeneration();
    }

    /** The analysis of {@code name}, from the cache or made now. */
    Parsed get(String name) {
        ConcurrentHashMap<String, Parsed> cur = current;
        Parsed p = cur.get(name);
        if (p != null) {
            return p;
        }
        p = previous.get(name);
        if (p == null) {
            p = Parsed.of(name);
        }
        Parsed raced = cur.putIfAbsent(name, p);
        if (raced != null) {
            return raced;
        }
        if (cur.size() >= generation) {
            rotate(cur);
        }
        return p;
    }

    /** How many names are held now. */
    int size() {
        return current.size() + previous.size();
    }

    private synchronized void rotate(ConcurrentHashMap<String, Parsed> full) {
        // another thread may have rotated already: then the full map is the previous one now
        if (current == full) {
            previous = full;
            current = newGeneration();
        }
    }

    /** Sized for a full generation up front: growing it step by step rehashed every name on each lookup path. */
    private ConcurrentHashMap<String, Parsed> newGeneration() {
        return new ConcurrentHashMap<>(generation);
    }
}
