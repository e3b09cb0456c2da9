package org.casework.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casework.matching.NameWords.Parsed;
import org.casework.matching.NameWords.Word;

/**
 * Compares people by name and date of birth, and gives the keys to find candidates by.
 *
 * <h2>What matches</h2>
 * Names are compared word by word in any order (given and family names swapped, "García, María"),
 * over the full name and every alias of both records; the best-matching pair of names counts. Two
 * words agree when they are the same after folding case, accents and script (Cyrillic, Greek and
 * Arabic letters are written in Latin letters by tables of this bundle), when they are spellings of
 * one name (Mohammed/Muhammad, Yusuf/Youssef, Aleksandr/Alexander: same consonants in order once
 * the digraphs of transliteration are unified), when they differ by typing errors (one in a word of
 * four to seven letters, two in longer words), or when one is the initial of the other. Short
 * words (Li, Lei; Hong, Huang) are spelling variants only with the same vowels. Particles (de, la,
 * van, bin, al...) are ignored; two adjacent words may stand for one (Xiao Ming, Xiaoming). A name
 * pair matches when at least two words agree (or the only word of each) and one of them is the
 * same, a spelling variant or the same Arabic consonants (or three words agree); words only one
 * name has (a second surname) lower the score a little, words that disagree lower it a lot.
 *
 * <p>Dates of birth: equal dates raise the score; dates with day and month swapped are accepted
 * at a lower score and said so; any other difference rules the match out; an unknown date on
 * either record leaves the name to decide, at a lower score.
 *
 * <h2>Scores</h2>
 * The name score n in [0,1] is the mean similarity of the agreeing words (1 same, 0.9 spelling
 * variant, 0.85 one typo, 0.8 Arabic-script consonants, 0.75 variant plus a typo, 0.7 two typos,
 * 0.6 variant plus two typos, 0.5 initial) times 0.92 per word only one name has and 0.6 per
 * disagreeing word. The match score is 0.5 + 0.5n with equal dates of birth, 0.85n with a date
 * unknown, 0.8n with day and month swapped. Matches below {@link #MATCH_THRESHOLD} are not
 * reported; from {@link #STRONG_MATCH} on they are likely the same person.
 *
 * <h2>Blocking keys</h2>
 * Each word gets a phonetic code: its consonants in order as classes (B = b p f v, K = k g c q,
 * S = s z, J = j ch sh zh, T = t d, L, M, N, R, H), an initial vowel as A (a o u) or I (e i y),
 * repeats once, after transliteration digraphs are unified (kh = h, ph = f, x = ks, w = v).
 * For each ordered pair of a name's words the key is the first word's full code, "+", and the
 * first class of the second word's code (the first two classes when the first code is shorter
 * than three): "Maria Garcia" gives {@code MR+KR} and {@code KRS+M}. Only the first two and last
 * two words of a long name are used, so a name has at most 12 keys; a one-word name is keyed by
 * its code; in a three-word name two adjacent words of at most four letters also count as one
 * (Mei Ling Chen, Chen Meiling). See docs/matching.md. {@link #compare} accepts a name pair only when the two names share a key, so a lookup
 * by keys finds every candidate compare would match: one word must agree in its code (same,
 * transliterated or typo in a vowel) and another must start with the same sound.
 */
public final class PersonMatching {

    /** Scores below this are not matches: {@link #compare} returns empty. */
    public static final double MATCH_THRESHOLD = 0.55;

    /** From this score on, the two records very likely name the same person. */
    public static final double STRONG_MATCH = 0.85;

    /**
     * The version of the key scheme: it changes whenever {@link #blockingKeys} would give other keys
     * for the same person. A module that stores keys records this number with them and recomputes
     * its stored keys when it differs.
     */
    public static final int KEY_VERSION = 1;

    /** The most keys one name (the full name or one alias) yields; a record yields at most this per name. */
    public static final int MAX_KEYS_PER_NAME = 12;


    /** The system property that sets how many analysed names are kept (default {@value #DEFAULT_CACHE_SIZE}). */
    public static final String CACHE_SIZE_PROPERTY = "casework.matching.nameCacheSize";

    static final int DEFAULT_CACHE_SIZE = 2_000;

    /** The cache size the property asks for: a whole number from 2 up, otherwise the default. */
    static int cacheSize(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_CACHE_SIZE;
        }
        try {
            int n = Integer.parseInt(property.strip().replace("_", ""));
            return n >= 2 ? n : DEFAULT_CACHE_SIZE;
        } catch (NumberFormatException e) {
            return DEFAULT_CACHE_SIZE;
        }
    }

    /**
     * Names analysed lately: the candidates of one probe share names (homonyms, one person's
     * earlier complaints). Small by default because names are made of shared words, which
     * {@link NameWords} caches: a name missing here is put together from cached words in about
     * the time a large cache took to find it, and a large names cache that churns under a stream
     * of new candidates is what every young collection copies (at 1,000,000 complaints, 20,000
     * names doubled the pauses and gained nothing). The system property
     * {@value #CACHE_SIZE_PROPERTY} (in names) sets another size.
     */
    static final BoundedCache<String, Parsed> NAMES = new BoundedCache<>(cacheSize(System.getProperty(CACHE_SIZE_PROPERTY)),
            Parsed::of);

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PersonMatching() {
    }

    /** The name folded to lower-case letters without diacritics, words separated by one space. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        return NOT_LETTERS.matcher(Transliteration.foldLatin(name)).replaceAll(" ").strip();
    }

    /**
     * Keys to index a person under and to look candidates up by: two records {@link #compare} may
     * match share at least one key. At most {@link #MAX_KEYS_PER_NAME} keys per name (full name
     * and each alias); keys are at most 24 characters of A-Z and '+' (letters of scripts without a
     * transliteration table are kept as written).
     */
    public static Set<String> blockingKeys(PersonRecord person) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names(person)) {
            // not through the name cache: indexing meets most names once, and a key refresh meets
            // every stored name, so caching them would only push out the names comparisons reuse
            keys.addAll(NameWords.keys(NameWords.words(name)));
        }
        return keys;
    }

    /**
     * The dates of birth a candidate may have to match a person born on {@code dateOfBirth}: the
     * date itself and, when it is a real date, the date with day and month swapped. A candidate
     * whose date of birth is known and not in this set never matches, so a lookup may filter on it
     * (candidates with an unknown date of birth match by name alone). Empty when the date is unknown:
     * then any date may match.
     */
    public static Set<LocalDate> compatibleBirthDates(LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            return Set.of();
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(dateOfBirth);
        int day = dateOfBirth.getDayOfMonth();
        int month = dateOfBirth.getMonthValue();
        if (day <= 12 && day != month) {
            try {
                dates.add(LocalDate.of(dateOfBirth.getYear(), day, month));
            } catch (java.time.DateTimeException impossible) {
                // 31 April and the like: no swapped reading exists
            }
        }
        return dates;
    }

    /**
     * Whether the two records may name the same person, and why; empty when they do not. The
     * reasons are, in order: which names matched, how the dates of birth compare, then one line per
     * word pair and per word only one name has. The same as {@code compare(prepare(probe), candidate)};
     * to compare one probe with many candidates, {@link #prepare} it once.
     */
    public static Optional<PersonMatch> compare(PersonRecord probe, PersonRecord candidate) {
        if (Birth.of(probe.dateOfBirth(), candidate.dateOfBirth()) == Birth.DIFFERENT) {
            return Optional.empty();
        }
        return compare(prepare(probe), candidate);
    }

    /**
     * The probe's names analysed once, to compare with many candidates:
     * {@code compare(prepare(probe), candidate)} answers exactly what
     * {@code compare(probe, candidate)} does, without analysing the probe's names again for every
     * candidate.
     */
    public static Probe prepare(PersonRecord probe) {
        return new Probe(probe);
    }

    /**
     * Whether the prepared probe and the candidate may name the same person, and why; empty when
     * they do not. Exactly what {@link #compare(PersonRecord, PersonRecord)} answers for the probe's
     * record. Safe to call from any number of threads with one probe.
     */
    public static Optional<PersonMatch> compare(Probe probe, PersonRecord candidate) {
        PersonRecord a = probe.person;
        Birth birth = Birth.of(a.dateOfBirth(), candidate.dateOfBirth());
        if (birth == Birth.DIFFERENT) {
            return Optional.empty();
        }
        NameComparison.Result best = null;
        String bestA = null;
        String bestB = null;
        boolean aliasA = false;
        boolean aliasB = false;
        List<String> namesA = probe.names;
        List<String> namesB = names(candidate);
        List<Parsed> parsedB = new ArrayList<>(namesB.size());
        for (String name : namesB) {
            parsedB.add(NAMES.get(name));
        }
        search:
        for (int i = 0; i < namesA.size(); i++) {
            Parsed pa = probe.parsed.get(i);
            for (int j = 0; j < namesB.size(); j++) {
                if (best != null && best.score() >= 1.0) {
                    // no pair of names scores above 1, and only a higher score replaces the best
                    break search;
                }
                if (!probe.keySets.get(i).sharedBy(parsedB.get(j).words())) {
                    continue;
                }
                NameComparison.Result r = NameComparison.compare(pa, parsedB.get(j));
                if (r != null && (best == null || r.score() > best.score())) {
                    best = r;
                    bestA = namesA.get(i);
                    bestB = namesB.get(j);
                    aliasA = a.fullName() == null || a.fullName().isBlank() || i > 0;
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
        reasons.add(birth.describe(a.dateOfBirth(), candidate.dateOfBirth()));
        for (NameComparison.WordPair p : best.pairs()) {
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

    /**
     * A person's record with its names analysed, ready to be compared with many candidates (see
     * {@link PersonMatching#prepare}). Immutable and safe to share between threads.
     */
    public static final class Probe {

        private final PersonRecord person;
        private final List<String> names;
        private final List<Parsed> parsed;
        private final List<NameWords.KeySet> keySets;

        private Probe(PersonRecord person) {
            this.person = Objects.requireNonNull(person, "person");
            this.names = List.copyOf(names(person));
            List<Parsed> p = new ArrayList<>(names.size());
            List<NameWords.KeySet> k = new ArrayList<>(names.size());
            for (String name : names) {
                Parsed parsedName = NAMES.get(name);
                p.add(parsedName);
                k.add(NameWords.KeySet.of(parsedName.words()));
            }
            this.parsed = List.copyOf(p);
            this.keySets = List.copyOf(k);
        }

        /** The record this probe was prepared from. */
        public PersonRecord person() {
            return person;
        }
    }

    private static String quoted(List<Word> words) {
        return words.stream().map(NameComparison::quoted).collect(Collectors.joining(", "));
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
}
