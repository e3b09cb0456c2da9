package org.casework.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.matching.Transliteration.Script;

/**
 * Splits a written name into words and gives each word the three forms matching works on: its
 * Latin spelling, a spelling-variant form and a phonetic code; derives a name's blocking keys.
 */
final class NameWords {

    /** Words that join a name's parts rather than name anyone; they neither anchor nor break a match. */
    static final Set<String> PARTICLES = Set.of("de", "del", "della", "la", "las", "los", "da", "das", "dos",
            "di", "du", "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "bint", "binti", "al",
            "el");

    /** "García y López", "Silva e Souza": joining words only between two others; first or last they are initials. */
    static final Set<String> CONJUNCTIONS = Set.of("y", "e");

    /** A name's words used for keys: the first two and the last two, which carry given and family names. */
    static final int KEY_WORDS = 4;

    /** The longest word taken for a syllable of a given name that may be written joined to the next. */
    static final int SYLLABLE = 4;

    /** The longest phonetic code kept; longer words are told apart well enough by their first ten sounds. */
    static final int MAX_CODE = 10;

    private static final String APOSTROPHES = "'’ʼ`´";

    /**
     * One word of a name.
     *
     * @param shown the word as written, for reasons a reviewer reads
     * @param latin lower-case Latin letters without marks
     * @param spelling the spelling form of {@code latin} (see {@link NameWords#spelling}), kept
     *        because short words are compared by it
     * @param variant the spelling-variant form: transliteration digraphs unified, doubled letters
     *        single, inner vowels reduced to '*'
     * @param code the phonetic code: consonant classes of the variant form and the class of an
     *        initial vowel
     * @param script the alphabet the word was written in
     * @param joined whether the word stands for two written words (a given name written apart)
     */
    record Word(String shown, String latin, String spelling, String variant, String code, Script script,
            boolean joined) {

        static Word of(String shown, String latin, Script script) {
            String s = NameWords.spelling(latin);
            String v = NameWords.reduceVowels(s);
            return new Word(shown, latin, s, v, NameWords.code(v), script, false);
        }

        /** This word and the next written as one, from the shared cache of joined pairs. */
        Word join(Word next) {
            return JOINS.get(new Pair(this, next));
        }

        private Word joinNow(Word next) {
            String l = latin + next.latin;
            String s = NameWords.spelling(l);
            String v = NameWords.reduceVowels(s);
            return new Word(shown + " " + next.shown, l, s, v, NameWords.code(v), script, true);
        }

        boolean initial() {
            return latin.length() == 1;
        }
    }

    /**
     * A name analysed once for all the comparisons it takes part in: its words and each pair of
     * adjacent words joined into one (for names written apart in one record and together in the
     * other). Immutable, so one instance is shared by every thread. Its keys are not made here: a
     * candidate's name is only tested against the probe's {@link KeySet}, which needs none.
     *
     * @param words the name's words, as {@link #words} gives them
     * @param joinedPairs element i is word i joined with word i + 1
     */
    record Parsed(List<Word> words, List<Word> joinedPairs) {

        static Parsed of(String name) {
            List<Word> words = NameWords.words(name);
            List<Word> joined = new ArrayList<>(Math.max(0, words.size() - 1));
            for (int i = 0; i + 1 < words.size(); i++) {
                joined.add(words.get(i).join(words.get(i + 1)));
            }
            return new Parsed(List.copyOf(words), List.copyOf(joined));
        }
    }

    /**
     * One name's blocking keys, kept to test other names against without making their keys:
     * {@code KeySet.of(a).sharedBy(b)} is {@code !Collections.disjoint(keys(a), keys(b))}.
     *
     * <p>Why: a lookup tests hundreds of candidates' names against the probe's, and making each
     * candidate's keys (up to a dozen strings, each looked up in the key cache) was a third of
     * comparing. A key is an anchor word's code and the start of a partner word's code, so here
     * the probe's keys are held by anchor code, and a candidate's word pairs are looked up by the
     * codes their words already carry. Codes never contain '+', so a key string and its
     * (anchor, partner start) pair determine each other. Immutable.
     */
    static final class KeySet {

        private final Map<String, List<String>> partnersByAnchor = new HashMap<>();
        private final Set<String> oneWordCodes = new HashSet<>();

        private KeySet() {
        }

        static KeySet of(List<Word> words) {
            KeySet set = new KeySet();
            anyKeyPair(words, (anchor, partner) -> {
                if (partner == null) {
                    set.oneWordCodes.add(anchor.code());
                } else {
                    List<String> starts = set.partnersByAnchor.computeIfAbsent(anchor.code(), a -> new ArrayList<>(2));
                    String start = partnerStart(anchor.code(), partner.code());
                    if (!starts.contains(start)) {
                        starts.add(start);
                    }
                }
                return false;
            });
            return set;
        }

        /** Whether the name of these words has one of this set's keys. */
        boolean sharedBy(List<Word> words) {
            return anyKeyPair(words, this::contains);
        }

        private boolean contains(Word anchor, Word partner) {
            if (partner == null) {
                return oneWordCodes.contains(anchor.code());
            }
            List<String> starts = partnersByAnchor.get(anchor.code());
            if (starts == null) {
                return false;
            }
            String code = partner.code();
            int length = partnerStartLength(anchor.code(), code);
            for (String start : starts) {
                if (start.length() == length && code.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Two word instances in order, as the joined-pair cache knows them. Compared by identity: the
     * words come from the token cache, so a pair met again is the same two instances, and a
     * word's own equality hashes and compares its seven components, which made looking pairs up
     * a fifth of comparing. Equal words that are other instances (a token analysed again after
     * the cache dropped it) only miss here, and the join is made again, the same.
     */
    private record Pair(Word first, Word second) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.first == first && p.second == second;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(first) + System.identityHashCode(second);
        }
    }

    /** Two phonetic codes in order: the anchor's and its partner's, all a blocking key depends on. */
    private record Codes(String anchor, String partner) {
    }

    /*
     * Word-level analyses, shared by every name. Names are many (millions of records, typos,
     * aliases) but are made of far fewer words, so a name analysed for the first time mostly
     * reuses words, joined pairs and keys already made. That is both the analysis saved and, as
     * important, the memory: a cached name then holds references to long-lived words instead of
     * its own copies, so the names cache churning under a stream of new candidates leaves little
     * for each young collection to copy. Bounded like the names cache; each entry is a few
     * hundred bytes.
     */
    static final int WORD_CACHE_SIZE = 100_000;

    private static final BoundedCache<String, List<Word>> TOKENS = new BoundedCache<>(WORD_CACHE_SIZE,
            NameWords::analyseToken);
    private static final BoundedCache<Pair, Word> JOINS = new BoundedCache<>(WORD_CACHE_SIZE,
            pair -> pair.first().joinNow(pair.second()));
    private static final BoundedCache<Codes, String> KEYS = new BoundedCache<>(WORD_CACHE_SIZE,
            codes -> keyNow(codes.anchor(), codes.partner()));

    private NameWords() {
    }

    /** The words of a name, particles left out, each with its Latin, variant and phonetic forms. */
    static List<Word> words(String name) {
        return words(name, TOKENS::get);
    }

    /** {@link #words(String)} with every word analysed afresh, not taken from the cache (for tests). */
    static List<Word> wordsAnalysedAfresh(String name) {
        return words(name, NameWords::analyseToken);
    }

    private static List<Word> words(String name, java.util.function.Function<String, List<Word>> tokenWords) {
        List<Word> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        String n = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name
                : Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= n.length(); i++) {
            char c = i < n.length() ? n.charAt(i) : ' ';
            if (APOSTROPHES.indexOf(c) >= 0) {
                // O'Brien, Ja'far: one word
                continue;
            }
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                token.append(c);
            } else if (token.length() > 0) {
                words.addAll(tokenWords.apply(token.toString()));
                token.setLength(0);
            }
        }
        for (int i = words.size() - 2; i > 0; i--) {
            if (CONJUNCTIONS.contains(words.get(i).latin())) {
                words.remove(i);
            }
        }
        return words;
    }

    /** The words one written token gives (one, or more after an article is split off; none for a particle). */
    private static List<Word> analyseToken(String token) {
        List<Word> words = new ArrayList<>(2);
        Script script = Transliteration.scriptOf(token);
        String latin = Transliteration.toLatin(token);
        int from = 0;
        for (int i = 0; i <= latin.length(); i++) {
            if (i == latin.length() || !Character.isLetterOrDigit(latin.charAt(i))) {
                if (i > from) {
                    String piece = latin.substring(from, i);
                    if (!PARTICLES.contains(piece) && piece.chars().anyMatch(Character::isLetter)) {
                        words.add(Word.of(piece, piece, script));
                    }
                }
                from = i + 1;
            }
        }
        // a token that gave one word (perhaps after its article al- was split off) is shown as written
        if (words.size() == 1) {
            Word w = words.get(0);
            words.set(0, new Word(token, w.latin(), w.spelling(), w.variant(), w.code(), script, false));
        }
        return List.copyOf(words);
    }

    /**
     * The blocking keys of one name: for each ordered pair of its key words, the full phonetic
     * code of the first word, '+', and the start of the second word's code (one class when the
     * first code has three or more classes, two otherwise, so that short codes such as "L" for
     * "Li" still make a selective key). A name of one word is keyed by its code alone.
     */
    static Set<String> keys(List<Word> words) {
        Set<String> keys = new LinkedHashSet<>();
        anyKeyPair(words, (anchor, partner) -> {
            keys.add(partner == null ? anchor.code() : key(anchor, partner));
            return false;
        });
        return keys;
    }

    /**
     * Visits the word pairs a name's keys are made of, anchor then partner (the partner null for
     * a name of one word), until a visit answers true; says whether one did. The one place that
     * says which pairs make keys, for {@link #keys} and {@link KeySet} alike.
     */
    private static boolean anyKeyPair(List<Word> words, java.util.function.BiPredicate<Word, Word> visit) {
        List<Word> w = words;
        if (w.size() > KEY_WORDS) {
            w = new ArrayList<>(words.subList(0, KEY_WORDS / 2));
            w.addAll(words.subList(words.size() - KEY_WORDS / 2, words.size()));
        }
        if (w.size() == 1) {
            return visit.test(w.get(0), null);
        }
        for (int i = 0; i < w.size(); i++) {
            for (int j = 0; j < w.size(); j++) {
                if (i != j && visit.test(w.get(i), w.get(j))) {
                    return true;
                }
            }
        }
        if (w.size() == 3) {
            // a given name of two short syllables is written apart or together (Mei Ling Chen, Chen Meiling)
            for (int i = 0; i < 2; i++) {
                if (w.get(i).latin().length() <= SYLLABLE && w.get(i + 1).latin().length() <= SYLLABLE) {
                    Word joined = w.get(i).join(w.get(i + 1));
                    Word rest = w.get(i == 0 ? 2 : 0);
                    if (visit.test(joined, rest) || visit.test(rest, joined)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String key(Word anchor, Word partner) {
        return KEYS.get(new Codes(anchor.code(), partner.code()));
    }

    private static String keyNow(String a, String p) {
        return a + "+" + partnerStart(a, p);
    }

    /** The start of the partner's code a key takes: one class after a long anchor code, two after a short one. */
    private static String partnerStart(String anchor, String partner) {
        return partner.substring(0, partnerStartLength(anchor, partner));
    }

    private static int partnerStartLength(String anchor, String partner) {
        return Math.min(partner.length(), anchor.length() >= 3 ? 1 : 2);
    }

    /**
     * The spelling-variant form of a Latin word, from its {@link #spelling} form. Transliterations
     * of one name differ in vowels (Mohammed, Muhammad), doubled letters (Youssef, Yusuf) and
     * digraphs for one sound (kh/h, ph/f, x/ks, w/v, tch/ch, dzh/dj/j); this form erases those
     * differences but keeps the consonants in order, the class of an initial vowel and the final
     * vowel, so Maria and Mario stay apart.
     */
    static String reduceVowels(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            // y before a vowel, and an initial i before a vowel (Iosif, Iuliia), are the consonant y
            boolean consonantY = (c == 'y' || (c == 'i' && i == 0)) && i + 1 < s.length() && vowel(s.charAt(i + 1));
            if (consonantY) {
                out.append('y');
                i++;
                continue;
            }
            if (!vowel(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() && vowel(s.charAt(end))
                    && !(s.charAt(end) == 'y' && end + 1 < s.length() && vowel(s.charAt(end + 1)) && end > i)) {
                end++;
            }
            if (i == 0) {
                char first = s.charAt(0);
                out.append(first == 'a' || first == 'o' || first == 'u' ? 'a' : 'i');
            } else if (end == s.length()) {
                char last = s.charAt(end - 1);
                out.append(last == 'y' ? 'i' : last);
            } else {
                out.append('*');
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * The spelling form of a Latin word: the variant form before its vowels are reduced, so that
     * short words, where vowels make the name (Li and Lei, Zhu and Zhou), are told apart; a final y
     * is written i (Aly, Ali).
     */
    static String spelling(String latin) {
        String s = latin.replace("tsch", "ch").replace("sch", "sh").replace("tch", "ch").replace("dzh", "j")
                .replace("dj", "j").replace("zh", "j").replace("ph", "f").replace("kh", "h").replace("gh", "g")
                .replace("th", "t").replace("dh", "d").replace("ck", "k");
        if (s.endsWith("ij")) {
            // German and Polish spell a final Russian й as j: Dmitrij, Dmitriy, Dmitry
            s = s.substring(0, s.length() - 1) + "y";
        }
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char after = i + 2 < s.length() ? s.charAt(i + 2) : 0;
            switch (c) {
                case 'q' -> {
                    b.append('k');
                    if (next == 'u' && frontVowel(after)) {
                        i++;
                    }
                }
                case 'g' -> {
                    b.append('g');
                    if (next == 'u' && frontVowel(after)) {
                        i++;
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        // "ch" before a consonant is a k sound: Christos, Chloe
                        boolean hard = after != 0 && !vowel(after);
                        b.append(hard ? "k" : "ch");
                        i++;
                    } else {
                        b.append(frontVowel(next) ? 's' : 'k');
                    }
                }
                case 'w' -> b.append('v');
                case 'x' -> b.append("ks");
                default -> b.append(c);
            }
        }
        s = b.toString();
        // a final h after a vowel is silent in transliterations: Fatimah, Aishah, Abdullah
        if (s.length() > 2 && s.endsWith("h") && vowel(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder single = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                single.append(s.charAt(i));
            }
        }
        s = single.toString();
        // Russian -ов is also written -off (Smirnoff), and -ия is written -iya, -ia or -iia (Mariya, Iuliia)
        if (s.endsWith("f")) {
            s = s.substring(0, s.length() - 1) + "v";
        }
        int iy = s.indexOf("iy");
        if (iy >= 0 && iy + 2 < s.length() && vowel(s.charAt(iy + 2)) && s.charAt(iy + 2) != 'y') {
            s = s.substring(0, iy + 1) + s.substring(iy + 2);
        }
        return s.endsWith("y") && s.length() > 1 ? s.substring(0, s.length() - 1) + "i" : s;
    }

    /**
     * The phonetic code of a variant form: one capital per consonant class (B = b p f v, K = k g,
     * S = s z, J = j ch sh, T = t d, and L, M, N, R, H), vowels left out except an initial one
     * (A for a o u, I for e i y), repeated classes once.
     */
    static String code(String variant) {
        StringBuilder b = new StringBuilder(MAX_CODE);
        for (int i = 0; i < variant.length() && b.length() < MAX_CODE; i++) {
            char c = variant.charAt(i);
            char next = i + 1 < variant.length() ? variant.charAt(i + 1) : 0;
            char cls;
            if (i == 0 && (c == 'a' || c == 'i' || c == 'y')) {
                cls = c == 'a' ? 'A' : 'I';
            } else if ((c == 'c' || c == 's') && next == 'h') {
                cls = 'J';
                i++;
            } else {
                cls = consonantClass(c);
            }
            if (cls != 0 && (b.length() == 0 || b.charAt(b.length() - 1) != cls)) {
                b.append(cls);
            }
        }
        if (b.length() == 0 && !variant.isEmpty()) {
            b.append(Character.toUpperCase(variant.charAt(0)));
        }
        return b.toString();
    }

    private static char consonantClass(char c) {
        return switch (c) {
            case 'b', 'p', 'f', 'v' -> 'B';
            case 'k', 'g', 'c', 'q' -> 'K';
            case 's', 'z' -> 'S';
            case 'j' -> 'J';
            case 't', 'd' -> 'T';
            case 'l' -> 'L';
            case 'm' -> 'M';
            case 'n' -> 'N';
            case 'r' -> 'R';
            case 'h' -> 'H';
            case 'a', 'e', 'i', 'o', 'u', 'y', '*' -> 0;
            default -> Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : 0;
        };
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean frontVowel(char c) {
        return c == 'e' || c == 'i' || c == 'y';
    }
}
