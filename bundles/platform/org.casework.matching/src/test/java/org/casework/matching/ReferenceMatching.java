package org.casework.matching;

import static org.casework.matching.NameComparison.CONFLICTING_WORD;
import static org.casework.matching.NameComparison.CONSONANTS;
import static org.casework.matching.NameComparison.EXTRA_WORD;
import static org.casework.matching.NameComparison.INITIAL;
import static org.casework.matching.NameComparison.ONE_TYPO;
import static org.casework.matching.NameComparison.SAME;
import static org.casework.matching.NameComparison.SHORT_WORD;
import static org.casework.matching.NameComparison.TWO_TYPOS;
import static org.casework.matching.NameComparison.VARIANT;
import static org.casework.matching.NameComparison.VARIANT_AND_TWO_TYPOS;
import static org.casework.matching.NameComparison.VARIANT_AND_TYPO;
import static org.casework.matching.PersonMatching.MATCH_THRESHOLD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casework.matching.NameWords.Word;
import org.casework.matching.Transliteration.Script;

/**
 * The straightforward comparison, as version 1.0.0 of this bundle computed it: every name of both
 * records analysed afresh on every call, every word pair's wording built as it is tried, the full
 * edit-distance table for every word pair. Tests hold {@link PersonMatching#compare} and its
 * prepared probe to exactly these answers, so the cache and the shortcuts change no score and no
 * reason. The matching rules themselves (the word forms of {@link NameWords}, the weights of
 * {@link NameComparison}) are shared; a change to how words are paired is made here too.
 */
final class ReferenceMatching {

    private ReferenceMatching() {
    }

    static Optional<PersonMatch> compare(PersonRecord probe, PersonRecord candidate) {
        Birth birth = Birth.of(probe.dateOfBirth(), candidate.dateOfBirth());
        if (birth == Birth.DIFFERENT) {
            return Optional.empty();
        }
        Result best = null;
        String bestA = null;
        String bestB = null;
        boolean aliasA = false;
        boolean aliasB = false;
        List<String> namesA = names(probe);
        List<String> namesB = names(candidate);
        List<List<Word>> wordsB = new ArrayList<>();
        List<Set<String>> keysB = new ArrayList<>();
        for (String name : namesB) {
            wordsB.add(NameWords.words(name));
            keysB.add(NameWords.keys(wordsB.get(wordsB.size() - 1)));
        }
        for (int i = 0; i < namesA.size(); i++) {
            List<Word> wa = NameWords.words(namesA.get(i));
            Set<String> keysA = NameWords.keys(wa);
            for (int j = 0; j < namesB.size(); j++) {
                if (Collections.disjoint(keysA, keysB.get(j))) {
                    continue;
                }
                Result r = compareNames(wa, wordsB.get(j));
                if (r != null && (best == null || r.score() > best.score())) {
                    best = r;
                    bestA = namesA.get(i);
                    bestB = namesB.get(j);
                    aliasA = probe.fullName() == null || probe.fullName().isBlank() || i > 0;
                    aliasB = candidate.fullName() == null || candidate.fullName().isBlank() || j > 0;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double score = Math.round(birth.combine(best.score()) * 1000) / 1000.0;
        if (score < MATCH_THRESHOLD) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add((aliasA ? "alias \"" : "name \"") + bestA + "\" matches " + (aliasB ? "alias \"" : "name \"")
                + bestB + "\" of the other record" + (best.reordered() ? ", with the names in a different order" : ""));
        reasons.add(birth.describe(probe.dateOfBirth(), candidate.dateOfBirth()));
        for (WordPair p : best.pairs()) {
            reasons.add(p.how());
        }
        int conflicts = Math.min(best.onlyInA().size(), best.onlyInB().size());
        if (conflicts > 0) {
            reasons.add("the names disagree: " + quoted(best.onlyInA()) + " against " + quoted(best.onlyInB()));
        } else {
            List<Word> extra = best.onlyInA().isEmpty() ? best.onlyInB() : best.onlyInA();
            if (!extra.isEmpty()) {
                String in = best.onlyInA().isEmpty() ? bestB : bestA;
                reasons.add(quoted(extra) + " appear" + (extra.size() == 1 ? "s" : "") + " only in \"" + in
                        + "\" (a second surname, middle name or further given name)");
            }
        }
        return Optional.of(new PersonMatch(score, reasons));
    }

    private static String quoted(List<Word> words) {
        return words.stream().map(ReferenceMatching::quoted).collect(Collectors.joining(", "));
    }

    private static List<String> names(PersonRecord p) {
        List<String> all = new ArrayList<>();
        if (p.fullName() != null && !p.fullName().isBlank()) {
            all.add(p.fullName());
        }
        all.addAll(p.aliases());
        return all;
    }

    /** How two dates of birth compare, and what that does to a name's score. */
    private enum Birth {
        SAME, SWAPPED, UNKNOWN, DIFFERENT;

        static Birth of(LocalDate a, LocalDate b) {
            if (a == null || b == null) {
                return UNKNOWN;
            }
            if (a.equals(b)) {
                return SAME;
            }
            boolean swapped = a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
                    && a.getMonthValue() == b.getDayOfMonth();
            return swapped ? SWAPPED : DIFFERENT;
        }

        double combine(double nameScore) {
            return switch (this) {
                case SAME -> 0.5 + 0.5 * nameScore;
                case SWAPPED -> 0.8 * nameScore;
                case UNKNOWN -> 0.85 * nameScore;
                case DIFFERENT -> 0;
            };
        }

        String describe(LocalDate a, LocalDate b) {
            return switch (this) {
                case SAME -> "same date of birth " + a;
                case SWAPPED -> "dates of birth " + a + " and " + b
                        + " differ only by day and month swapped (a likely entry error)";
                case UNKNOWN -> a == null && b == null ? "date of birth unknown on both records: the name alone matched"
                        : "date of birth unknown on " + (a == null ? "this" : "the other")
                                + " record: the name alone matched";
                case DIFFERENT -> "different dates of birth " + a + " and " + b;
            };
        }
    }

    /** A word pair and how alike its words are. */
    record WordPair(Word a, Word b, double score, boolean strong, String how) {

        WordPair(Word a, Word b, double score, String how) {
            // the same word, a spelling variant or the same Arabic consonants: not a typing error
            this(a, b, score, score >= VARIANT || score == CONSONANTS, how);
        }
    }

    /** How alike two names are, with the word pairs and the words left over. */
    record Result(double score, List<WordPair> pairs, List<Word> onlyInA, List<Word> onlyInB, boolean reordered) {
    }

    /**
     * Null when the names do not agree on enough words: two, or the only word of each, one of them
     * the same, a spelling variant or the same Arabic consonants; or three words with typing errors.
     */
    static Result compareNames(List<Word> a, List<Word> b) {
        List<Word> wa = joinSplitWords(a, b);
        List<Word> wb = joinSplitWords(b, wa);
        List<int[]> candidates = new ArrayList<>();
        List<WordPair> sims = new ArrayList<>();
        for (int i = 0; i < wa.size(); i++) {
            for (int j = 0; j < wb.size(); j++) {
                WordPair p = similarity(wa.get(i), wb.get(j));
                if (p != null) {
                    candidates.add(new int[] {i, j, sims.size()});
                    sims.add(p);
                }
            }
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
        boolean enough = pairs.size() >= 2 || (pairs.size() == 1 && wa.size() == 1 && wb.size() == 1);
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
     * Abdul Rahman, Abdulrahman): two adjacent words of {@code words} become one when together they
     * spell a word of {@code other} that neither matches alone.
     */
    static List<Word> joinSplitWords(List<Word> words, List<Word> other) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (i + 1 < words.size()) {
                Word joined = w.join(words.get(i + 1));
                for (Word o : other) {
                    if (o.latin().length() > w.latin().length() && (joined.latin().equals(o.latin())
                            || joined.variant().equals(o.variant()))) {
                        w = joined;
                        i++;
                        break;
                    }
                }
            }
            out.add(w);
        }
        return out;
    }

    /** How alike two words are, in words; null when they are not alike. */
    static WordPair similarity(Word a, Word b) {
        String x = quoted(a);
        String y = quoted(b);
        String apart = a.joined() != b.joined() ? " (written as two words in one record and one in the other)" : "";
        if (a.latin().equals(b.latin())) {
            if (a.script() != b.script() && (a.script().label.length() > 0 || b.script().label.length() > 0)) {
                Word foreign = a.script() != Script.LATIN ? a : b;
                Word latin = foreign == a ? b : a;
                return new WordPair(a, b, SAME, quoted(foreign) + " is the " + foreign.script().label
                        + " spelling of " + quoted(latin) + apart);
            }
            if (a.joined() != b.joined()) {
                return new WordPair(a, b, SAME, x + " and " + y + " are the same name written as two words and as one");
            }
            if (a.shown().equals(b.shown())) {
                return new WordPair(a, b, SAME, x + " is the same in both" + apart);
            }
            return new WordPair(a, b, SAME, x + " and " + y + " differ only in accents or letter case" + apart);
        }
        if (a.initial() || b.initial()) {
            if (a.latin().charAt(0) == b.latin().charAt(0)) {
                Word init = a.initial() ? a : b;
                Word full = init == a ? b : a;
                return new WordPair(a, b, INITIAL, quoted(init) + " is the initial of " + quoted(full));
            }
            return null;
        }
        String scripts = scriptNote(a, b);
        boolean shortWords = Math.min(a.latin().length(), b.latin().length()) <= SHORT_WORD
                && Math.max(a.latin().length(), b.latin().length()) <= SHORT_WORD + 1;
        boolean variants = shortWords ? NameWords.spelling(a.latin()).equals(NameWords.spelling(b.latin()))
                : a.variant().equals(b.variant());
        if (variants) {
            return new WordPair(a, b, VARIANT, x + " and " + y + " are spellings of the same name"
                    + (scripts.isEmpty() ? " (transliteration variants)" : scripts) + apart);
        }
        boolean abjad = a.script() == Script.ARABIC || b.script() == Script.ARABIC;
        if (abjad && a.script() != b.script() && a.code().equals(b.code())) {
            Word arabic = a.script() == Script.ARABIC ? a : b;
            Word other = arabic == a ? b : a;
            return new WordPair(a, b, CONSONANTS, quoted(arabic) + " (Arabic script, read " + arabic.latin()
                    + ") has the same consonants as " + quoted(other) + "; Arabic script does not write short vowels");
        }
        int allowed = allowedEdits(Math.max(a.latin().length(), b.latin().length()));
        if (allowed == 0) {
            return null;
        }
        int edits = distance(a.latin(), b.latin(), allowed);
        if (edits <= allowed) {
            return new WordPair(a, b, edits == 1 ? ONE_TYPO : TWO_TYPOS, x + " and " + y + " differ by "
                    + (edits == 1 ? "one letter" : "two letters") + " (a likely typing error)" + scripts + apart);
        }
        if (shortWords) {
            return null;
        }
        int variantEdits = distance(a.variant(), b.variant(), allowed);
        if (variantEdits <= allowed) {
            return new WordPair(a, b, variantEdits == 1 ? VARIANT_AND_TYPO : VARIANT_AND_TWO_TYPOS, x + " and " + y
                    + " are close spellings of one name: they differ in vowels or letters that spell one sound, and in "
                    + (variantEdits == 1 ? "one further letter" : "two further letters") + scripts + apart);
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

    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prevPrev = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prevPrev[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit + 1);
    }
}
