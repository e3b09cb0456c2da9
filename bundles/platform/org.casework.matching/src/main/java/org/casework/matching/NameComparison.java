package org.casework.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.casework.matching.NameWords.Parsed;
import org.casework.matching.NameWords.Word;
import org.casework.matching.Transliteration.Script;

/**
 * Compares two written names word by word: pairs each word with its most similar counterpart in
 * any order, scores the pairing and says in words how each pair differs.
 */
final class NameComparison {

    /** Word similarity for a word written the same (after folding accents and script). */
    static final double SAME = 1.0;
    /** Word similarity for spellings of one name (Mohammed, Muhammad). */
    static final double VARIANT = 0.9;
    /** Word similarity for one typing error. */
    static final double ONE_TYPO = 0.85;
    /** Word similarity for an Arabic-script word whose consonants agree with a Latin spelling. */
    static final double CONSONANTS = 0.8;
    /** Word similarity for a spelling variant with one further letter different. */
    static final double VARIANT_AND_TYPO = 0.75;
    /** Word similarity for two typing errors in a long word. */
    static final double TWO_TYPOS = 0.7;
    /** Word similarity for a spelling variant with two further letters different. */
    static final double VARIANT_AND_TWO_TYPOS = 0.6;
    /** Word similarity for an initial standing for a word. */
    static final double INITIAL = 0.5;

    /**
     * A word this short, against one at most a letter longer, is a spelling variant of it only with
     * the same vowels: in Chinese syllables and short names the vowels make the name (Li, Lei; Zhu,
     * Zhou; Hong, Huang).
     */
    static final int SHORT_WORD = 4;

    /** Score factor for each word one name has and the other lacks (a second surname, a middle name). */
    static final double EXTRA_WORD = 0.92;
    /** Score factor for each word of one name that disagrees with an unmatched word of the other. */
    static final double CONFLICTING_WORD = 0.6;

    /** The ways two words can be alike, each with its own wording for the reviewer. */
    enum Kind {
        /** The same word, one written in another script. */
        OTHER_SCRIPT,
        /** The same word, written as two words in one name and one in the other. */
        JOINED,
        /** The same word as written. */
        SAME,
        /** The same word but for accents or letter case. */
        ACCENTS_OR_CASE,
        /** An initial and a word it starts. */
        INITIAL,
        /** Spelling variants of one name. */
        VARIANT,
        /** Arabic script and a Latin spelling with the same consonants. */
        CONSONANTS,
        /** Typing errors. */
        TYPOS,
        /** Spelling variants with further letters different. */
        CLOSE_VARIANT
    }

    /**
     * A word pair and how alike its words are. The wording for the reviewer is made only by
     * {@link #how()}, once a match is certain: most pairs tried never make it into a reason.
     *
     * @param edits the letters that differ, for {@link Kind#TYPOS} and {@link Kind#CLOSE_VARIANT}
     */
    record WordPair(Word a, Word b, double score, boolean strong, Kind kind, int edits) {

        WordPair(Word a, Word b, double score, Kind kind, int edits) {
            // the same word, a spelling variant or the same Arabic consonants: not a typing error
            this(a, b, score, score >= VARIANT || score == CONSONANTS, kind, edits);
        }

        WordPair(Word a, Word b, double score, Kind kind) {
            this(a, b, score, kind, 0);
        }

        /** How the two words differ, in words a reviewer reads. */
        String how() {
            String x = quoted(a);
            String y = quoted(b);
            String apart = a.joined() != b.joined() ? " (written as two words in one record and one in the other)" : "";
            return switch (kind) {
                case OTHER_SCRIPT -> {
                    Word foreign = a.script() != Script.LATIN ? a : b;
                    Word latin = foreign == a ? b : a;
                    yield quoted(foreign) + " is the " + foreign.script().label + " spelling of " + quoted(latin) + apart;
                }
                case JOINED -> x + " and " + y + " are the same name written as two words and as one";
                case SAME -> x + " is the same in both" + apart;
                case ACCENTS_OR_CASE -> x + " and " + y + " differ only in accents or letter case" + apart;
                case INITIAL -> {
                    Word init = a.initial() ? a : b;
                    Word full = init == a ? b : a;
                    yield quoted(init) + " is the initial of " + quoted(full);
                }
                case VARIANT -> {
                    String scripts = scriptNote(a, b);
                    yield x + " and " + y + " are spellings of the same name"
                            + (scripts.isEmpty() ? " (transliteration variants)" : scripts) + apart;
                }
                case CONSONANTS -> {
                    Word arabic = a.script() == Script.ARABIC ? a : b;
                    Word other = arabic == a ? b : a;
                    yield quoted(arabic) + " (Arabic script, read " + arabic.latin() + ") has the same consonants as "
                            + quoted(other) + "; Arabic script does not write short vowels";
                }
                case TYPOS -> x + " and " + y + " differ by " + (edits == 1 ? "one letter" : "two letters")
                        + " (a likely typing error)" + scriptNote(a, b) + apart;
                case CLOSE_VARIANT -> x + " and " + y
                        + " are close spellings of one name: they differ in vowels or letters that spell one sound, and in "
                        + (edits == 1 ? "one further letter" : "two further letters") + scriptNote(a, b) + apart;
            };
        }
    }

    /** How alike two names are, with the word pairs and the words left over. */
    record Result(double score, List<WordPair> pairs, List<Word> onlyInA, List<Word> onlyInB, boolean reordered) {
    }

    private NameComparison() {
    }

    /**
     * Null when the names do not agree on enough words: two, or the only word of each, one of them
     * the same, a spelling variant or the same Arabic consonants; or three words with typing errors.
     */
    static Result compare(Parsed a, Parsed b) {
        List<Word> wa = joinSplitWords(a, b.words());
        List<Word> wb = joinSplitWords(b, wa);
        List<int[]> candidates = new ArrayList<>();
        List<WordPair> sims = new ArrayList<>();
        boolean anyStrong = false;
        for (int i = 0; i < wa.size(); i++) {
            for (int j = 0; j < wb.size(); j++) {
                WordPair p = similarity(wa.get(i), wb.get(j));
                if (p != null) {
                    candidates.add(new int[] {i, j, sims.size()});
                    sims.add(p);
                    anyStrong |= p.strong();
                }
            }
        }
        // Most names compared are other people's: settle those before pairing words up. The
        // pairing below picks from these pairs, so it cannot find more pairs than there are, nor
        // a strong one when none is.
        boolean single = wa.size() == 1 && wb.size() == 1;
        if (candidates.isEmpty() || (candidates.size() < 2 && !single) || (!anyStrong && candidates.size() < 3)) {
            return null;
        }
        candidates.sort(Comparator.<int[]>comparingDouble(c -> -sims.get(c[2]).score())
                .thenComparingInt(c -> Math.abs(c[0] - c[1])));
        boolean[] usedA = new boolean[wa.size()];
        boolean[] usedB = new boolean[wb.size()];
        List<WordPair> pairs = new ArrayList<>();
        List<int[]> picked = new ArrayList<>();
        for (int[] c : candidates) {
            if (!usedA[c[0]] && !usedB[c[1]]) {
                usedA[c[0]] = true;
                usedB[c[1]] = true;
                pairs.add(sims.get(c[2]));
                picked.add(c);
            }
        }
        boolean enough = pairs.size() >= 2 || (pairs.size() == 1 && single);
        // typing errors in every word of a two-word name (Maria Garcia, Mario Garza) make another person
        if (!enough || (pairs.stream().noneMatch(WordPair::strong) && pairs.size() < 3)) {
            return null;
        }
        List<Word> onlyA = new ArrayList<>();
        for (int i = 0; i < wa.size(); i++) {
            if (!usedA[i]) {
                onlyA.add(wa.get(i));
            }
        }
        List<Word> onlyB = new ArrayList<>();
        for (int j = 0; j < wb.size(); j++) {
            if (!usedB[j]) {
                onlyB.add(wb.get(j));
            }
        }
        double mean = pairs.stream().mapToDouble(WordPair::score).average().orElse(0);
        int conflicts = Math.min(onlyA.size(), onlyB.size());
        int extras = Math.abs(onlyA.size() - onlyB.size());
        double score = mean * Math.pow(EXTRA_WORD, extras) * Math.pow(CONFLICTING_WORD, conflicts);
        picked.sort(Comparator.comparingInt(c -> c[0]));
        boolean reordered = false;
        for (int k = 1; k < picked.size(); k++) {
            reordered |= picked.get(k)[1] < picked.get(k - 1)[1];
        }
        // report pairs in the order of the first name, as a reviewer reads it
        List<WordPair> ordered = new ArrayList<>();
        for (int[] c : picked) {
            ordered.add(sims.get(c[2]));
        }
        return new Result(score, ordered, onlyA, onlyB, reordered);
    }

    /**
     * Given names written apart in one record and together in the other (Xiao Ming, Xiaoming;
     * Abdul Rahman, Abdulrahman): two adjacent words of {@code name} become one when together they
     * spell a word of {@code other} that neither matches alone. The name's own word list when
     * nothing is joined.
     */
    static List<Word> joinSplitWords(Parsed name, List<Word> other) {
        List<Word> words = name.words();
        List<Word> out = null;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (i + 1 < words.size()) {
                Word joined = name.joinedPairs().get(i);
                for (Word o : other) {
                    if (o.latin().length() > w.latin().length() && (joined.latin().equals(o.latin())
                            || joined.variant().equals(o.variant()))) {
                        if (out == null) {
                            out = new ArrayList<>(words.subList(0, i));
                        }
                        w = joined;
                        i++;
                        break;
                    }
                }
            }
            if (out != null) {
                out.add(w);
            }
        }
        return out == null ? words : out;
    }

    /** How alike two words are; null when they are not alike. */
    static WordPair similarity(Word a, Word b) {
        if (a.latin().equals(b.latin())) {
            if (a.script() != b.script() && (a.script().label.length() > 0 || b.script().label.length() > 0)) {
                return new WordPair(a, b, SAME, Kind.OTHER_SCRIPT);
            }
            if (a.joined() != b.joined()) {
                return new WordPair(a, b, SAME, Kind.JOINED);
            }
            if (a.shown().equals(b.shown())) {
                return new WordPair(a, b, SAME, Kind.SAME);
            }
            return new WordPair(a, b, SAME, Kind.ACCENTS_OR_CASE);
        }
        if (a.initial() || b.initial()) {
            if (a.latin().charAt(0) == b.latin().charAt(0)) {
                return new WordPair(a, b, INITIAL, Kind.INITIAL);
            }
            return null;
        }
        boolean shortWords = Math.min(a.latin().length(), b.latin().length()) <= SHORT_WORD
                && Math.max(a.latin().length(), b.latin().length()) <= SHORT_WORD + 1;
        boolean variants = shortWords ? a.spelling().equals(b.spelling()) : a.variant().equals(b.variant());
        if (variants) {
            return new WordPair(a, b, VARIANT, Kind.VARIANT);
        }
        boolean abjad = a.script() == Script.ARABIC || b.script() == Script.ARABIC;
        if (abjad && a.script() != b.script() && a.code().equals(b.code())) {
            return new WordPair(a, b, CONSONANTS, Kind.CONSONANTS);
        }
        int allowed = allowedEdits(Math.max(a.latin().length(), b.latin().length()));
        if (allowed == 0) {
            return null;
        }
        int edits = Edits.distance(a.latin(), b.latin(), allowed);
        if (edits <= allowed) {
            return new WordPair(a, b, edits == 1 ? ONE_TYPO : TWO_TYPOS, Kind.TYPOS, edits);
        }
        if (shortWords) {
            return null;
        }
        int variantEdits = Edits.distance(a.variant(), b.variant(), allowed);
        if (variantEdits <= allowed) {
            return new WordPair(a, b, variantEdits == 1 ? VARIANT_AND_TYPO : VARIANT_AND_TWO_TYPOS, Kind.CLOSE_VARIANT,
                    variantEdits);
        }
        return null;
    }

    /** Typing errors tolerated in a word of this length: none in short words, where one letter makes another name. */
    static int allowedEdits(int length) {
        if (length <= 3) {
            return 0;
        }
        return length <= 7 ? 1 : 2;
    }

    private static String scriptNote(Word a, Word b) {
        if (a.script() == b.script()) {
            return "";
        }
        Word foreign = a.script() != Script.LATIN ? a : b;
        return foreign.script().label.isEmpty() ? ""
                : " (" + quoted(foreign) + " is " + foreign.script().label + " script, read " + foreign.latin() + ")";
    }

    static String quoted(Word w) {
        return "\"" + w.shown() + "\"";
    }
}
