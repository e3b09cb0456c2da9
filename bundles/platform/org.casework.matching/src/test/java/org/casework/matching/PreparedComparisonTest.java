package org.casework.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.matching.NameWords.Parsed;
import org.junit.jupiter.api.Test;

/**
 * The prepared probe, the name cache and the comparison's shortcuts answer exactly what the
 * straightforward comparison ({@link ReferenceMatching}) answers, and the cache stays bounded.
 */
class PreparedComparisonTest {

    /** Names beyond the generated population's bases: each kind of word pair the reasons name. */
    private static final String[] MORE = {
        "Mohammed Yusuf", "Muhammad Youssef", "محمد يوسف", "Mohamed Yousef", "محمد الحسن", "Mohamed Al-Hassan",
        "أحمد حسين", "Hossein Ahmad", "Abdul Rahman Haddad", "Abdulrahman Hadad", "Khaled Al-Masri", "Khalid Masri",
        "Dmitrij Ivanoff", "Dmitriy Ivanov", "Iuliia Tymoshenko", "Papadopoulos Giorgos", "Li Xiaoming", "Xiao-Ming Li",
        "Chen Meiling", "Mei Ling Chen", "Mari Klod Jozef", "J. Smith", "John Smith", "E. García", "Elena García",
        "María García y López", "García López, María", "José Luis Rodríguez de la Fuente", "Maria Garcia",
        "Mario Garza", "Lin Zhou", "Lin Zhu", "Ali Hamdan", "Aly Hamdan", "Carlos Ramirez", "Carla Ramirez",
        "Alejandro Frenandes", "Alejandro Fernandez", "Suharto", "O'Brien Patrick", "Nguyen Van Minh",
        "Ana Maria Garcia Lopez", "Garcia Lopez", "María García Pérez", "Abdoul Rahman Haddad",
    };

    /** Few dates of birth, so that records about different people share one and their names decide. */
    private static final LocalDate[] BORN = {
        LocalDate.of(1990, 5, 4), LocalDate.of(1985, 11, 23), LocalDate.of(1972, 2, 9), LocalDate.of(2001, 7, 30),
    };

    @Test
    void preparedProbesAnswerExactlyWhatTheStraightforwardComparisonDoes() {
        List<PersonRecord> people = population(new Random(20261207));
        int matched = 0;
        int pairs = 0;
        Set<String> wordings = new LinkedHashSet<>();
        for (PersonRecord a : people) {
            PersonMatching.Probe probe = PersonMatching.prepare(a);
            assertSame(a, probe.person());
            for (PersonRecord b : people) {
                Optional<PersonMatch> expected = ReferenceMatching.compare(a, b);
                assertEquals(expected, PersonMatching.compare(probe, b), () -> a + " / " + b);
                assertEquals(expected, PersonMatching.compare(a, b), () -> a + " / " + b);
                pairs++;
                if (expected.isPresent()) {
                    matched++;
                    for (String reason : expected.get().reasons()) {
                        for (String wording : WORDINGS) {
                            if (reason.contains(wording)) {
                                wordings.add(wording);
                            }
                        }
                    }
                }
            }
        }
        // the comparison must have had both answers to give, and every kind of reason to word
        assertTrue(matched > 1000 && pairs - matched > 10 * matched, matched + " of " + pairs);
        assertEquals(Set.of(WORDINGS), wordings);
    }

    private static final String[] WORDINGS = {
        "name \"", "alias \"", "with the names in a different order", "same date of birth",
        "differ only by day and month swapped", "unknown on this record", "unknown on the other record",
        "unknown on both records", "spelling of", "are the same name written as two words and as one",
        "is the same in both", "differ only in accents or letter case", "is the initial of",
        "are spellings of the same name (transliteration variants)", "has the same consonants as",
        "differ by one letter", "differ by two letters", "are close spellings of one name",
        "written as two words in one record and one in the other", "script, read", "the names disagree",
        "appears only in", "appear only in",
    };

    /** Each name written the ways records write it: swapped, folded, capitals, as an alias, with typos; dates varied. */
    private static List<PersonRecord> population(Random random) {
        List<String> names = new ArrayList<>(List.of(PersonMatchingTest.GeneratedPopulation.BASES));
        names.addAll(List.of(MORE));
        List<PersonRecord> people = new ArrayList<>();
        for (String name : names) {
            LocalDate born = BORN[random.nextInt(BORN.length)];
            LocalDate swapped = born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
                    ? LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()) : null;
            List<PersonRecord> ways = List.of(
                    new PersonRecord(name, List.of(), born),
                    new PersonRecord(PersonMatchingTest.GeneratedPopulation.swapFirstWordToEnd(name), List.of(), born),
                    new PersonRecord(PersonMatching.normalize(name), List.of(), null),
                    new PersonRecord(name.toUpperCase(Locale.ROOT), List.of(), swapped),
                    new PersonRecord("Unknown Person", List.of(name), born),
                    new PersonRecord(null, List.of(name), null),
                    new PersonRecord(PersonMatchingTest.GeneratedPopulation.typo(name, random), List.of(), born),
                    new PersonRecord(PersonMatchingTest.GeneratedPopulation.typo(name, random), List.of(name), null),
                    new PersonRecord(name, List.of(), born.plusDays(1)));
            List<PersonRecord> pick = new ArrayList<>(ways);
            people.add(pick.remove(0));
            for (int k = 0; k < 3; k++) {
                people.add(pick.remove(random.nextInt(pick.size())));
            }
        }
        return people;
    }

    @Test
    void editDistanceShortcutsGiveTheFullTablesAnswer() {
        // '!' and 'a' share their low six bits, as do 'j' and '*': the letter-kind bound must hold across them
        char[] letters = {'a', 'e', 'i', 'n', 'r', 's', '*', 'j', '!', 'é', 'ж', '中'};
        Random random = new Random(5);
        int within = 0;
        for (int n = 0; n < 20_000; n++) {
            String a = word(random, letters);
            String b = random.nextInt(3) == 0 ? a : word(random, letters);
            for (int limit = 0; limit <= 3; limit++) {
                int expected = ReferenceMatching.distance(a, b, limit);
                assertEquals(expected, Edits.distance(a, b, limit), () -> a + " / " + b);
                if (expected <= limit && limit > 0 && !a.equals(b)) {
                    within++;
                }
            }
        }
        assertTrue(within > 1000, "pairs within the limit: " + within);
    }

    private static String word(Random random, char[] letters) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) {
            b.append(letters[random.nextInt(letters.length)]);
        }
        return b.toString();
    }

    @Test
    void theNameCacheHoldsAtMostItsCapacityAndAnswersAsAFreshAnalysis() {
        BoundedCache<String, Parsed> cache = new BoundedCache<>(100, Parsed::of);
        for (int i = 0; i < 1000; i++) {
            String name = generatedName(i);
            assertEquals(Parsed.of(name), cache.get(name), name);
            assertTrue(cache.size() <= 100, "held " + cache.size());
        }
        assertTrue(cache.size() >= 50, "held " + cache.size());
        // a name in use stays cached: analysed once, then shared
        assertSame(cache.get(generatedName(999)), cache.get(generatedName(999)));
    }

    @Test
    void wordsFromTheSharedCachesAreTheWordsOfAFreshAnalysis() {
        for (int i = 0; i < 5000; i++) {
            String name = generatedName(i);
            // twice: the first meets the caches empty or partly filled, the second reads them
            assertEquals(NameWords.wordsAnalysedAfresh(name), NameWords.words(name), name);
            assertEquals(NameWords.wordsAnalysedAfresh(name), NameWords.words(name), name);
        }
        for (String name : List.of("María García López", "Abdul Rahman al-Hassan", "Xiao Ming Chen", "O'Brien",
                "Мария Иванова", "محمد الحسن", "Nguyễn Văn An", "Silva e Souza", "de la Cruz")) {
            assertEquals(NameWords.wordsAnalysedAfresh(name), NameWords.words(name), name);
            assertEquals(NameWords.keys(NameWords.wordsAnalysedAfresh(name)), NameWords.keys(NameWords.words(name)), name);
        }
    }

    @Test
    void aKeySetIsSharedByExactlyTheNamesWithOneOfItsKeys() {
        List<String> names = new ArrayList<>(List.of(MORE));
        names.addAll(List.of("Suharto", "Soeharto", "Li", "Lee", "Chen Mei Ling", "Mei Ling", "Ling Mei Chen",
                "Ana Maria Luisa Garcia Lopez Perez", "Perez Garcia", "Lopez Ana", "", "Xu", "Xu Li", "Li Xu"));
        for (PersonRecord p : population(new Random(7))) {
            names.add(p.fullName());
            names.addAll(p.aliases());
        }
        names = names.subList(0, Math.min(names.size(), 400));
        int shared = 0;
        int apart = 0;
        for (String a : names) {
            List<NameWords.Word> wordsA = NameWords.words(a);
            Set<String> keysA = NameWords.keys(wordsA);
            NameWords.KeySet set = NameWords.KeySet.of(wordsA);
            for (String b : names) {
                List<NameWords.Word> wordsB = NameWords.words(b);
                boolean expected = !java.util.Collections.disjoint(keysA, NameWords.keys(wordsB));
                assertEquals(expected, set.sharedBy(wordsB), () -> a + " / " + b);
                if (expected) {
                    shared++;
                } else {
                    apart++;
                }
            }
        }
        // both answers occur often, so the test could catch either kind of error
        assertTrue(shared > 1000 && apart > 1000, shared + " pairs share a key, " + apart + " do not");
    }

    @Test
    void namesSharingAWordShareItsAnalysis() {
        // a cached name holds the shared word, not its own copy: what keeps a churning names cache small
        Parsed a = Parsed.of("Maria Garcia Lopez");
        Parsed b = Parsed.of("Jose Garcia Ruiz");
        assertSame(a.words().get(1), b.words().get(1));
        assertSame(Parsed.of("Ana Garcia Lopez").joinedPairs().get(1), a.joinedPairs().get(1));
    }

    @Test
    void comparingEverMoreNamesKeepsTheSharedCacheBounded() {
        for (int i = 0; i < 25_000; i++) {
            PersonMatching.prepare(new PersonRecord(generatedName(i), List.of(), null));
        }
        assertTrue(PersonMatching.NAMES.size() <= PersonMatching.DEFAULT_CACHE_SIZE, "held " + PersonMatching.NAMES.size());
    }

    @Test
    void cachedAnalysesCannotBeAlteredByTheirUsers() {
        Parsed p = PersonMatching.NAMES.get("María García López");
        assertThrows(UnsupportedOperationException.class, () -> p.words().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> p.joinedPairs().clear());
        assertEquals(Parsed.of("María García López"), PersonMatching.NAMES.get("María García López"));
    }

    @Test
    void threadsSharingASmallCacheEachGetTheRightAnalysis() throws Exception {
        BoundedCache<String, Parsed> cache = new BoundedCache<>(64, Parsed::of);
        Map<String, Parsed> expected = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            expected.put(generatedName(i * 7), Parsed.of(generatedName(i * 7)));
        }
        List<String> names = List.copyOf(expected.keySet());
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 5000; n++) {
                        String name = names.get(random.nextInt(names.size()));
                        assertEquals(expected.get(name), cache.get(name), name);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 64 + threads, "held " + cache.size());
    }

    /** Distinct names for each i below 125,000, from the words of the fixtures' names. */
    private static String generatedName(int i) {
        String[] words = WORDS;
        int n = words.length;
        return words[i % n] + " " + words[(i / n) % n] + " " + words[(i / n / n) % n];
    }

    private static final String[] WORDS = List.of(PersonMatchingTest.GeneratedPopulation.BASES).stream()
            .flatMap(name -> List.of(name.split(" ")).stream()).distinct().limit(50).toArray(String[]::new);

    @Test
    void theCacheSizeComesFromTheSystemPropertyWhenItIsAWholeNumberFromTwoUp() {
        assertEquals(PersonMatching.DEFAULT_CACHE_SIZE, PersonMatching.cacheSize(null));
        assertEquals(PersonMatching.DEFAULT_CACHE_SIZE, PersonMatching.cacheSize(" "));
        assertEquals(250_000, PersonMatching.cacheSize(" 250000 "));
        assertEquals(250_000, PersonMatching.cacheSize("250_000"));
        assertEquals(PersonMatching.DEFAULT_CACHE_SIZE, PersonMatching.cacheSize("1"));
        assertEquals(PersonMatching.DEFAULT_CACHE_SIZE, PersonMatching.cacheSize("-5"));
        assertEquals(PersonMatching.DEFAULT_CACHE_SIZE, PersonMatching.cacheSize("lots"));
    }
}
