package org.casework.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonMatchingTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 4);

    private static PersonRecord person(String name, LocalDate born, String... aliases) {
        return new PersonRecord(name, List.of(aliases), born);
    }

    private static PersonMatch match(PersonRecord a, PersonRecord b) {
        PersonMatch m = PersonMatching.compare(a, b)
                .orElseThrow(() -> new AssertionError(a + " should match " + b));
        assertSharesKey(a, b);
        return m;
    }

    private static PersonMatch match(String a, String b) {
        return match(person(a, BORN), person(b, BORN));
    }

    private static void assertSharesKey(PersonRecord a, PersonRecord b) {
        assertFalse(Collections.disjoint(PersonMatching.blockingKeys(a), PersonMatching.blockingKeys(b)),
                () -> a + " and " + b + " match but share no key: " + PersonMatching.blockingKeys(a) + " "
                        + PersonMatching.blockingKeys(b));
    }

    private static void assertReason(PersonMatch m, String expected) {
        assertTrue(m.reasons().stream().anyMatch(r -> r.contains(expected)),
                () -> "no reason says <" + expected + "> in " + m.reasons());
    }

    @Test
    void foldsCaseAndDiacriticsAndFindsSwappedNames() {
        PersonRecord probe = new PersonRecord("José Ramírez", List.of(), BORN);
        PersonRecord stored = new PersonRecord("RAMIREZ, Jose", List.of(), BORN);
        assertEquals(PersonMatching.blockingKeys(probe), PersonMatching.blockingKeys(stored));
        PersonMatch m = PersonMatching.compare(probe, stored).orElseThrow();
        assertEquals(1.0, m.score());
        assertTrue(m.reasons().get(1).contains("1990-05-04"), m.reasons().toString());
        assertReason(m, "names in a different order");
        assertReason(m, "\"José\" and \"Jose\" differ only in accents");
    }

    @Test
    void matchesThroughAnAliasButNotAcrossDatesOfBirth() {
        PersonRecord probe = new PersonRecord("Ana Lima", List.of(), null);
        PersonRecord stored = new PersonRecord("Ana Souza", List.of("Ana Lima"), BORN);
        PersonMatch m = PersonMatching.compare(probe, stored).orElseThrow();
        assertTrue(m.reasons().get(0).contains("alias \"Ana Lima\""), m.reasons().toString());
        PersonRecord other = new PersonRecord("Ana Lima", List.of(), BORN.plusDays(1));
        assertTrue(PersonMatching.compare(other, stored).isEmpty());
        assertEquals(Set.of("AN+LM", "LM+AN", "AN+S", "S+AN"),
                Set.copyOf(PersonMatching.blockingKeys(new PersonRecord("Ana Lima", List.of("Ana Souza"), null))));
    }

    @Test
    void normalizeFoldsLettersWithoutCombiningMarks() {
        assertEquals("lukasz zolc", PersonMatching.normalize("Łukasz  Żółć"));
        assertEquals("tran van duc", PersonMatching.normalize("Trần Văn Đức"));
        assertEquals("o brien", PersonMatching.normalize("O'Brien"));
        assertEquals("", PersonMatching.normalize(null));
    }

    @Nested
    class Spanish {

        @Test
        void compoundSurnameAgainstTheFirstSurnameAlone() {
            PersonMatch m = match("María García López", "Maria Garcia");
            assertReason(m, "\"López\" appears only in \"María García López\"");
            assertTrue(m.score() >= PersonMatching.STRONG_MATCH, m.toString());
            assertTrue(m.score() < 1.0);
        }

        @Test
        void surnamesFirstWithCommaAndParticles() {
            match("García López, María", "María García");
            PersonMatch m = match("José Luis Rodríguez de la Fuente", "Jose Luis Rodriguez Fuente");
            assertEquals(1.0, m.score());
            assertEquals(1.0, match("María García y López", "Maria Garcia Lopez").score());
            assertReason(match(person("E. García", null), person("Elena García", null)), "\"E\" is the initial of \"Elena\"");
        }

        @Test
        void typosInOneWordAndTwoInALongWord() {
            assertReason(match("Maria Garcai", "Maria Garcia"), "differ by one letter");
            assertReason(match("Alejandro Hernadnez", "Alejandro Hernandez"), "differ by one letter");
            assertReason(match("Alejandro Frenandes", "Alejandro Fernandez"), "differ by two letters");
        }

        @Test
        void secondSurnamesThatDisagreeNeedTheSameBirthDate() {
            PersonMatch m = match("María García López", "María García Pérez");
            assertReason(m, "the names disagree: \"López\" against \"Pérez\"");
            assertTrue(m.score() < PersonMatching.STRONG_MATCH, m.toString());
            assertTrue(PersonMatching.compare(person("María García López", null),
                    person("María García Pérez", null)).isEmpty());
        }
    }

    @Nested
    class ArabicTransliterations {

        @ParameterizedTest
        @CsvSource({
            "Mohammed Yusuf, Muhammad Youssef",
            "Mohamed Yousef, Mohammad Yusif",
            "Muhammad Yusuf, Mukhammad Yusuf",
            "Ahmed Hussein, Ahmad Husayn",
            "Ahmed Hussein, Hossein Ahmad",
            "Omar Farouk, Umar Faruq",
            "Fatimah Abdullah, Fatima Abdulla",
            "Khaled Al-Masri, Khalid Masri",
            "Abdul Rahman Haddad, Abdulrahman Hadad",
            "Aisha Ibrahim, Aishah Ebrahim",
        })
        void spellingsOfOneNameMatch(String a, String b) {
            PersonMatch m = match(a, b);
            assertTrue(m.score() >= PersonMatching.STRONG_MATCH, m.toString());
        }

        @Test
        void reasonNamesTheWordPairAndTheKindOfDifference() {
            PersonMatch m = match("Mohammed Yusuf", "Muhammad Youssef");
            assertReason(m, "\"Mohammed\" and \"Muhammad\" are spellings of the same name (transliteration variants)");
            assertReason(m, "\"Yusuf\" and \"Youssef\" are spellings of the same name");
        }

        @Test
        void arabicScriptMeetsLatinSpellingsByConsonants() {
            PersonMatch m = match("محمد يوسف", "Mohamed Yousef");
            assertReason(m, "\"محمد\" (Arabic script, read mhmd) has the same consonants as \"Mohamed\"");
            match("أحمد حسين", "Ahmed Hussein");
            assertReason(match("محمد الحسن", "Mohamed Al-Hassan"), "\"الحسن\" (Arabic script, read hsn)");
        }

        @Test
        void aCommonGivenNameAloneIsNotAMatch() {
            assertTrue(PersonMatching.compare(person("Mohammed Ali", null), person("Mohammed Khan", null)).isEmpty());
            assertTrue(PersonMatching.compare(person("Mohammed Ali", BORN), person("Muhammad Ali", BORN.plusYears(1)))
                    .isEmpty());
        }
    }

    @Nested
    class CyrillicAndGreek {

        @ParameterizedTest
        @CsvSource({
            "Дмитрий Иванов, Dmitry Ivanov",
            "Дмитрий Иванов, Dmitrij Ivanoff",
            "Юлия Тимошенко, Iuliia Tymoshenko",
            "Юлия Тимошенко, Yulia Timoshenko",
            "Александр Пушкин, Aleksandr Pushkin",
            "Александр Пушкин, Alexander Pushkin",
            "Олександр Шевченко, Oleksandr Shevchenko",
            "Сергей Кузнецов, Sergei Kuznetsov",
            "Анастасия Смирнова, Anastasiya Smirnova",
            "Γιώργος Παπαδόπουλος, Giorgos Papadopoulos",
            "Δημήτρης Οικονόμου, Dimitris Oikonomou",
        })
        void otherScriptsMeetTheirLatinSpellings(String a, String b) {
            match(a, b);
        }

        @Test
        void reasonSaysWhichScript() {
            assertReason(match("Дмитрий Иванов", "Dmitriy Ivanov"), "\"Дмитрий\" is the Cyrillic spelling of \"Dmitriy\"");
            assertReason(match("Γιώργος Παπαδόπουλος", "Papadopoulos Giorgos"), "Greek spelling of \"Giorgos\"");
        }
    }

    @Nested
    class ChineseAndVietnamese {

        @Test
        void pinyinFamilyNameFirstOrLast() {
            assertReason(match("Wang Xiaoming", "Xiaoming Wang"), "different order");
            match("Zhang Wei", "Wei Zhang");
            assertReason(match("Li Xiaoming", "Xiao-Ming Li"), "written as two words and as one");
            assertReason(match("Chen Meiling", "Mei Ling Chen"), "written as two words and as one");
        }

        @Test
        void shortPinyinNamesNeedBothWords() {
            assertTrue(PersonMatching.compare(person("Li Wei", null), person("Li Na", null)).isEmpty());
            assertTrue(PersonMatching.compare(person("Wang Fang", null), person("Wang Wei", null)).isEmpty());
        }

        @Test
        void vowelsMakeTheNameInShortSyllables() {
            assertTrue(PersonMatching.compare(person("Lei Zhou", null), person("Li Zhou", null)).isEmpty());
            assertTrue(PersonMatching.compare(person("Hong Li", null), person("Li Huang", null)).isEmpty());
            assertTrue(PersonMatching.compare(person("Jing Li", null), person("Li Zhang", null)).isEmpty());
            PersonMatch zhu = match(person("Lin Zhou", null), person("Lin Zhu", null));
            assertReason(zhu, "\"Zhou\" and \"Zhu\" differ by one letter");
            assertTrue(zhu.score() < PersonMatching.STRONG_MATCH);
            assertReason(match("Ali Hamdan", "Aly Hamdan"), "\"Ali\" and \"Aly\" are spellings of the same name");
        }

        @Test
        void vietnameseWithAndWithoutMarks() {
            PersonMatch m = match("Nguyễn Thị Minh Khai", "Nguyen Thi Minh Khai");
            assertEquals(1.0, m.score());
            assertReason(m, "\"Nguyễn\" and \"Nguyen\" differ only in accents");
            match("Trần Văn Đức", "Tran Duc");
            match("Phạm Thị Hương", "Huong Pham");
        }

        @Test
        void vietnameseNamesSharingOnlyTheFamilyNameDoNotMatch() {
            assertTrue(PersonMatching.compare(person("Nguyễn Văn An", null), person("Nguyễn Văn Bình", null)).isEmpty());
        }
    }

    @Nested
    class HaitianCreoleAndFrench {

        @Test
        void hyphenatedGivenNamesInAnyOrder() {
            match("Marie-Claude Joseph", "Joseph Marie Claude");
            match("Jean-Baptiste Pierre-Louis", "Jean Baptiste Pierrelouis");
        }

        @Test
        void creoleSpellingsOfFrenchNames() {
            PersonMatch m = match("Marie-Claude Joseph", "Mari Klod Jozef");
            assertReason(m, "\"Claude\" and \"Klod\" are close spellings");
            assertReason(match("Jean Desrosiers", "Jan Desrosiers"), "\"Jean\" and \"Jan\" differ by one letter");
        }
    }

    @Nested
    class Initials {

        @Test
        void anInitialStandsForAGivenName() {
            PersonMatch m = match(person("J. Smith", null), person("John Smith", null));
            assertReason(m, "\"J\" is the initial of \"John\"");
            assertTrue(m.score() < PersonMatching.STRONG_MATCH);
            assertTrue(PersonMatching.compare(person("K. Smith", null), person("John Smith", null)).isEmpty());
        }
    }

    @Nested
    class DatesOfBirth {

        @Test
        void sameDateRaisesUnknownLowersSwappedIsSaidDifferentRulesOut() {
            double same = match(person("Yusuf Demir", BORN), person("Youssef Demir", BORN)).score();
            PersonMatch unknown = match(person("Yusuf Demir", BORN), person("Youssef Demir", null));
            PersonMatch swapped = match(person("Yusuf Demir", BORN), person("Youssef Demir", LocalDate.of(1990, 4, 5)));
            assertTrue(same > unknown.score(), same + " " + unknown);
            assertTrue(unknown.score() > swapped.score(), unknown + " " + swapped);
            assertReason(unknown, "date of birth unknown on the other record");
            assertReason(swapped, "differ only by day and month swapped");
            assertTrue(PersonMatching.compare(person("Yusuf Demir", BORN),
                    person("Yusuf Demir", LocalDate.of(1990, 5, 14))).isEmpty());
            assertTrue(PersonMatching.compare(person("Yusuf Demir", BORN),
                    person("Yusuf Demir", LocalDate.of(1991, 4, 5))).isEmpty());
        }

        @Test
        void compatibleBirthDatesAreExactlyTheOnesCompareAccepts() {
            assertEquals(Set.of(BORN, LocalDate.of(1990, 4, 5)), PersonMatching.compatibleBirthDates(BORN));
            assertEquals(Set.of(LocalDate.of(1990, 5, 5)), PersonMatching.compatibleBirthDates(LocalDate.of(1990, 5, 5)));
            assertEquals(Set.of(LocalDate.of(1990, 5, 20)), PersonMatching.compatibleBirthDates(LocalDate.of(1990, 5, 20)));
            assertEquals(Set.of(LocalDate.of(1990, 3, 31)), PersonMatching.compatibleBirthDates(LocalDate.of(1990, 3, 31)));
            assertTrue(PersonMatching.compatibleBirthDates(null).isEmpty());
            LocalDate day = LocalDate.of(1989, 12, 25);
            for (int i = 0; i < 800; i++) {
                LocalDate other = day.plusDays(i);
                boolean compatible = PersonMatching.compatibleBirthDates(BORN).contains(other);
                assertEquals(compatible, PersonMatching.compare(person("Amara Diallo", BORN),
                        person("Amara Diallo", other)).isPresent(), other::toString);
            }
        }

        @Test
        void identicalNamesAndDatesScoreOneAndEverythingStaysInRange() {
            assertEquals(1.0, match("Amara Diallo", "Amara Diallo").score());
            assertEquals(0.85, match(person("Amara Diallo", null), person("Amara Diallo", null)).score());
        }
    }

    @Nested
    class FalsePositives {

        @Test
        void mariaGarciaAndMarioGarzaAreNotAStrongMatch() {
            Optional<PersonMatch> m = PersonMatching.compare(person("Maria Garcia", null), person("Mario Garza", null));
            assertTrue(m.isEmpty() || m.get().score() < PersonMatching.STRONG_MATCH, m.toString());
            assertTrue(m.isEmpty(), m.toString());
        }

        @Test
        void commonNamesWithDifferentBirthDatesNeverMatch() {
            String[] names = {"Maria Garcia", "María García", "Juan Hernández", "Mohammed Ali", "Muhammad Ali",
                "Nguyen Van Minh", "Wang Wei", "Olga Ivanova", "Ольга Иванова", "Jean Pierre"};
            Random random = new Random(7);
            List<PersonRecord> people = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i * 97L + random.nextInt(50));
                people.add(person(names[i % names.length], born));
            }
            for (PersonRecord a : people) {
                for (PersonRecord b : people) {
                    if (a != b && !a.dateOfBirth().equals(b.dateOfBirth()) && !swapped(a.dateOfBirth(), b.dateOfBirth())) {
                        assertTrue(PersonMatching.compare(a, b).isEmpty(), a + " " + b);
                    }
                }
            }
        }

        @Test
        void differentPeopleWithOneSharedWord() {
            String[][] pairs = {
                {"Maria Garcia", "Maria Lopez"}, {"Jose Martinez", "Josefina Martinez"},
                {"Ivan Petrov", "Ivan Popov"}, {"Ahmed Hassan", "Ahmed Hamdan"}, {"Jean Joseph", "Jean Jacques"},
            };
            for (String[] p : pairs) {
                Optional<PersonMatch> m = PersonMatching.compare(person(p[0], null), person(p[1], null));
                assertTrue(m.isEmpty(), () -> p[0] + " / " + p[1] + ": " + m);
            }
            // one letter apart at the end of the given name: shown to a reviewer, but never as likely the same person
            Optional<PersonMatch> m = PersonMatching.compare(person("Carlos Ramirez", null), person("Carla Ramirez", null));
            assertTrue(m.isEmpty() || m.get().score() < PersonMatching.STRONG_MATCH, m.toString());
        }
    }

    @Nested
    class BlockingKeys {

        @Test
        void documentedExampleAndSwappedOrderSameKeys() {
            // these keys are stored by modules: changing them needs a new KEY_VERSION
            assertEquals(1, PersonMatching.KEY_VERSION);
            assertEquals(Set.of("MHMT+I", "ISB+M"), PersonMatching.blockingKeys(person("Mohammed Yusuf", null)));
            assertEquals(Set.of("MR+KR", "KRS+M"), PersonMatching.blockingKeys(person("Maria Garcia", null)));
            assertEquals(PersonMatching.blockingKeys(person("Maria Garcia", null)),
                    PersonMatching.blockingKeys(person("GARCÍA, María", BORN)));
        }

        @Test
        void keysAreFewAndAlwaysCombineTwoWords() {
            for (String name : List.of("María Guadalupe García López", "Muhammad bin Abdullah bin Abdulaziz Al Saud",
                    "Ana Maria Luisa Garcia Lopez de la Cruz", "Nguyễn Thị Minh Khai", "Jean-Baptiste Pierre-Louis",
                    "Li Xiaoming", "Ольга Иванова")) {
                Set<String> keys = PersonMatching.blockingKeys(person(name, null));
                assertTrue(keys.size() <= PersonMatching.MAX_KEYS_PER_NAME, name + " " + keys);
                assertFalse(keys.isEmpty(), name);
                for (String key : keys) {
                    assertTrue(key.matches("[A-Z]{1,10}\\+[A-Z]{1,2}"), name + " " + key);
                }
            }
            assertEquals(Set.of("SHRT"), PersonMatching.blockingKeys(person("Suharto", null)));
            assertTrue(PersonMatching.blockingKeys(person("María Guadalupe García López", null)).size() >= 10);
            assertTrue(PersonMatching.blockingKeys(person("María Guadalupe García López", null,
                    "Lupita Pérez Soto Ruiz")).size() <= 2 * PersonMatching.MAX_KEYS_PER_NAME);
        }

        @Test
        void noKeysForNoName() {
            assertTrue(PersonMatching.blockingKeys(person(null, null)).isEmpty());
            assertTrue(PersonMatching.blockingKeys(person(" - ", null, "  ")).isEmpty());
            assertTrue(PersonMatching.compare(person(null, null), person("Ana Lima", null)).isEmpty());
        }
    }

    /**
     * Property over a generated population: every pair compare() matches shares a blocking key, and
     * the variants a reviewer expects to be found are found.
     */
    @Nested
    class GeneratedPopulation {

        static final String[] BASES = {
            "María García López", "José Luis Hernández Ruiz", "Guadalupe Sánchez", "Mohammed Yusuf Haddad",
            "Fatima Al-Zahra Mansour", "Ahmed Hussein", "Дмитрий Иванов", "Юлия Тимошенко", "Сергей Кузнецов",
            "Wang Xiaoming", "Zhang Wei", "Nguyễn Thị Minh Khai", "Trần Văn Đức", "Marie-Claude Joseph",
            "Jean-Baptiste Pierre-Louis", "Γιώργος Παπαδόπουλος", "Olumide Adeyemi", "Amara Diallo",
            "Carlos Alberto Ramírez", "Hassan Abdi Warsame",
        };

        @Test
        void everyMatchSharesAKeyAndExpectedVariantsAreFound() {
            Random random = new Random(20261201);
            List<PersonRecord> people = new ArrayList<>();
            List<Integer> origin = new ArrayList<>();
            int typoVariants = 0;
            int typoFound = 0;
            for (int b = 0; b < BASES.length; b++) {
                LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(20000));
                PersonRecord base = person(BASES[b], born);
                List<PersonRecord> exact = List.of(
                        person(swapFirstWordToEnd(BASES[b]), born),
                        person(PersonMatching.normalize(BASES[b]), null),
                        person(BASES[b].toUpperCase(java.util.Locale.ROOT), born),
                        person("Unknown Person", born, BASES[b]));
                people.add(base);
                origin.add(b);
                for (PersonRecord v : exact) {
                    people.add(v);
                    origin.add(b);
                    match(base, v);
                }
                for (int t = 0; t < 10; t++) {
                    PersonRecord typo = person(typo(BASES[b], random), born);
                    people.add(typo);
                    origin.add(b);
                    typoVariants++;
                    if (PersonMatching.compare(base, typo).isPresent()) {
                        typoFound++;
                    }
                }
            }
            // a typo in the first sound of a word, or in both words of a two-word name, can escape the keys
            assertTrue(typoFound >= typoVariants * 0.8, typoFound + " of " + typoVariants);
            int matches = 0;
            int crossMatches = 0;
            for (int i = 0; i < people.size(); i++) {
                for (int j = i + 1; j < people.size(); j++) {
                    Optional<PersonMatch> m = PersonMatching.compare(people.get(i), people.get(j));
                    Optional<PersonMatch> back = PersonMatching.compare(people.get(j), people.get(i));
                    assertEquals(m.map(PersonMatch::score), back.map(PersonMatch::score),
                            people.get(i) + " " + people.get(j));
                    if (m.isPresent()) {
                        assertSharesKey(people.get(i), people.get(j));
                        matches++;
                        if (!origin.get(i).equals(origin.get(j))) {
                            crossMatches++;
                        }
                    }
                }
            }
            assertTrue(matches > people.size() * 2, "matches " + matches);
            assertEquals(0, crossMatches, "different people matched");
        }

        static String swapFirstWordToEnd(String name) {
            String[] words = name.split(" ");
            List<String> out = new ArrayList<>(List.of(words).subList(1, words.length));
            out.add(words[0]);
            return String.join(" ", out);
        }

        /** One or two typing errors in one word of seven or more letters, one in a shorter word. */
        static String typo(String name, Random random) {
            String[] words = name.split(" ");
            int w = random.nextInt(words.length);
            String word = words[w];
            if (word.length() < 4) {
                return name;
            }
            int edits = word.length() >= 8 ? 1 + random.nextInt(2) : 1;
            for (int e = 0; e < edits; e++) {
                int pos = 1 + random.nextInt(word.length() - 1);
                char letter = word.toLowerCase(java.util.Locale.ROOT).charAt(random.nextInt(word.length()));
                word = switch (random.nextInt(4)) {
                    case 0 -> word.substring(0, pos) + word.substring(pos + 1 > word.length() ? pos : pos + 1);
                    case 1 -> word.substring(0, pos) + letter + word.substring(pos);
                    case 2 -> word.substring(0, pos) + letter + word.substring(Math.min(word.length(), pos + 1));
                    default -> pos + 1 < word.length()
                            ? word.substring(0, pos) + word.charAt(pos + 1) + word.charAt(pos) + word.substring(pos + 2)
                            : word;
                };
            }
            words[w] = word;
            return String.join(" ", words);
        }
    }

    private static boolean swapped(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth();
    }

    @Test
    void editDistanceCountsSwapsAsOneAndStopsEarly() {
        assertEquals(1, Edits.distance("hernandez", "hernadnez", 2));
        assertEquals(2, Edits.distance("fernandez", "frenandes", 2));
        assertEquals(3, Edits.distance("garcia", "xyz", 2));
        assertEquals(0, Edits.distance("ana", "ana", 0));
        if (Edits.distance("ana", "ane", 0) != 1) {
            fail("one substitution over a limit of zero answers limit + 1");
        }
    }
}
