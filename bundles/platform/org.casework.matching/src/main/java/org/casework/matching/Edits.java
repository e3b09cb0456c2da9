package org.casework.matching;

/** Counts typing errors between two words: letters inserted, deleted, replaced or swapped with a neighbour. */
final class Edits {

    private Edits() {
    }

    /**
     * The optimal-string-alignment distance between two words, or {@code limit + 1} as soon as it
     * is known to exceed {@code limit} (names are short, but a candidate list is long).
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        // Most word pairs tried are different names. Each edit removes at most one letter of a
        // kind the other word lacks and brings in at most one of a kind this word lacks, so the
        // number of such kinds on either side is a lower bound on the distance; it stays one when
        // letters are grouped into 64 kinds by their low bits, which needs no allocation.
        long inA = letterKinds(a);
        long inB = letterKinds(b);
        if (Long.bitCount(inA & ~inB) > limit || Long.bitCount(inB & ~inA) > limit) {
            return limit + 1;
        }
        int width = b.length() + 1;
        // the three rows the recurrence reads (two back, one back, current) in one array: the
        // comparison runs this for most word pairs of every candidate
        int[] rows = new int[3 * width];
        int prevPrev = 0;
        int prev = width;
        int cur = 2 * width;
        for (int j = 0; j <= b.length(); j++) {
            rows[prev + j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            char ai = a.charAt(i - 1);
            rows[cur] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = ai == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, rows[prevPrev + j - 2] + 1);
                }
                rows[cur + j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(rows[prev + b.length()], limit + 1);
    }

    private static long letterKinds(String s) {
        long kinds = 0;
        for (int i = 0; i < s.length(); i++) {
            kinds |= 1L << s.charAt(i);
        }
        return kinds;
    }
}
