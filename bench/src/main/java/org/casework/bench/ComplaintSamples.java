package org.casework.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Realistic complaints about people in immigration detention (the case type {@code complaint} of
 * the complaints module), for the benchmark of issue 4. Deterministic for a seed.
 *
 * <p>Detainees are drawn from name pools of several languages: Spanish (two family names, often
 * written with one), Arabic and Russian transliterations (each name has its usual spellings:
 * Mohammed, Muhammad, Mohamed ...), Chinese (family name first or last), Vietnamese (with and
 * without diacritics) and Haitian Creole/French. About a third of complaints are about someone
 * already complained about; such a repeat names the person the way a different clerk or
 * submitter would: another transliteration, a typo, given and family names swapped, the
 * diacritics left off, a nickname as an alias, the A-Number or the date of birth missing, or day
 * and month swapped. So prior-complaint lookup has real work: exact A-Number hits, fuzzy name
 * hits, and many near-misses sharing a blocking key.
 *
 * <p>Each complaint carries the other fields of section 2.1: submitter (the detainee, a family
 * member or an attorney with a law firm; sometimes anonymous), facility code and detention
 * history, incident and received dates in the past two years, one or two categories, channel,
 * consent, verification and an emergency flag now and then.
 */
final class ComplaintSamples {

    static final String TYPE = "complaint";

    /** One complaint: what a client posts, and what the engine stores of it. */
    record Sample(String requestJson, Map<String, Object> stored, LocalDate receivedOn) {
    }

    /** A person the generator made up: each name part with its spellings. */
    private record Person(int culture, int[] given, int[] family, boolean female, LocalDate dob, String aNumber,
            String country) {
    }

    /** Name pools of one language: each entry lists the spellings one name is written with. */
    private record Culture(String country, String[] countries, String[][] male, String[][] female, String[][] family,
            boolean familyFirst, boolean twoFamilyNames, boolean femaleFamilyForm) {
    }

    private static final Culture[] CULTURES = {
        new Culture("Mexico", new String[] {"Mexico", "Guatemala", "Honduras", "El Salvador", "Venezuela", "Colombia"},
            names("José|Jose", "Juan", "Luis", "Carlos", "Jesús|Jesus", "Miguel Ángel|Miguel Angel", "Alejandro",
                "Francisco", "José Luis|Jose Luis", "Óscar|Oscar", "Javier|Xavier", "Eduardo", "Wilmer", "Byron"),
            names("María|Maria", "Guadalupe", "Ana", "Rosa", "Lucía|Lucia", "Sofía|Sofia", "Carmen", "Yesenia",
                "María José|Maria Jose", "Dulce", "Marisol", "Glenda", "Iris", "Esperanza"),
            names("García|Garcia", "Hernández|Hernandez", "López|Lopez", "Martínez|Martinez", "González|Gonzalez",
                "Rodríguez|Rodriguez", "Pérez|Perez", "Sánchez|Sanchez", "Ramírez|Ramirez", "Flores", "Gómez|Gomez",
                "Díaz|Diaz", "Cruz", "Morales", "Reyes", "Gutiérrez|Gutierrez", "Ortiz", "Chávez|Chavez", "Ramos",
                "Vásquez|Vasquez|Vazquez", "Castillo", "Jiménez|Jimenez", "Mejía|Mejia", "Alvarado", "Orellana"),
            false, true, false),
        new Culture("Syria", new String[] {"Syria", "Egypt", "Yemen", "Sudan", "Morocco", "Iraq", "Mauritania"},
            names("Mohammed|Muhammad|Mohamed|Mohamad", "Ahmed|Ahmad", "Abdullah|Abdallah", "Yusuf|Youssef|Yousef",
                "Omar|Umar", "Hassan|Hasan", "Khaled|Khalid", "Ali", "Mustafa|Moustafa", "Ibrahim|Ebrahim",
                "Abdelrahman|Abdul Rahman|Abd al-Rahman"),
            names("Fatima|Fatma", "Aisha|Aicha|Ayesha", "Mariam|Maryam", "Khadija|Khadijah", "Layla|Leila",
                "Noor|Nour", "Zainab|Zaynab", "Amina|Aminah"),
            names("al-Hassan|Al Hasan|Alhassan", "Haddad", "Mansour|Mansur", "Nasser|Nasir", "Ibrahim",
                "Saleh|Salih", "Hussein|Husayn|Hussain", "Khalil", "Farouk|Faruq", "el-Sayed|El Sayed|Elsayed",
                "Abdelaziz|Abdul Aziz", "Osman|Othman|Uthman", "Qureshi|Kureshi", "Suleiman|Sulayman"),
            false, false, false),
        new Culture("Russia", new String[] {"Russia", "Ukraine", "Kazakhstan", "Uzbekistan", "Belarus"},
            names("Dmitri|Dmitriy|Dmitry", "Sergei|Sergey", "Aleksandr|Alexander|Aleksander", "Ivan",
                "Mikhail|Mikhael", "Andrei|Andrey", "Yuri|Yury|Iurii", "Nikolai|Nikolay", "Alexei|Aleksey|Alexey"),
            names("Olga", "Natalia|Natalya|Nataliya", "Yekaterina|Ekaterina", "Tatiana|Tatyana", "Yelena|Elena",
                "Svetlana", "Anastasia|Anastasiya", "Yulia|Yuliya|Julia"),
            names("Ivanov", "Smirnov", "Kuznetsov|Kuznetsoff", "Popov", "Sokolov", "Petrov", "Volkov",
                "Fedorov|Fyodorov|Feodorov", "Mikhailov|Mikhaylov", "Novikov", "Morozov", "Vasiliev|Vasilyev"),
            false, false, true),
        new Culture("China", new String[] {"China"},
            names("Wei", "Hao", "Jun", "Lei", "Jian Guo|Jianguo", "Xiaoming|Xiao Ming", "Tao", "Bo", "Yong"),
            names("Li Na|Lina", "Jing", "Yan", "Mei", "Xiu Ying|Xiuying", "Fang", "Min", "Hui"),
            names("Wang", "Li|Lee", "Zhang|Chang", "Liu|Lau", "Chen|Chan", "Yang|Yeung", "Huang|Wong", "Zhao|Chao",
                "Wu|Ng", "Zhou|Chow", "Lin|Lam"),
            true, false, false),
        new Culture("Vietnam", new String[] {"Vietnam"},
            names("Văn Minh|Van Minh", "Văn Hùng|Van Hung", "Quốc Anh|Quoc Anh", "Đức Dũng|Duc Dung",
                "Thanh Tuấn|Thanh Tuan", "Văn Long|Van Long"),
            names("Thị Lan|Thi Lan", "Thị Hương|Thi Huong", "Ngọc Anh|Ngoc Anh", "Thị Thảo|Thi Thao",
                "Thu Trang", "Thị Mai|Thi Mai"),
            names("Nguyễn|Nguyen|Nguyên", "Trần|Tran", "Lê|Le", "Phạm|Pham", "Hoàng|Hoang|Huynh", "Phan",
                "Vũ|Vu", "Võ|Vo", "Đặng|Dang", "Bùi|Bui"),
            true, false, false),
        new Culture("Haiti", new String[] {"Haiti", "Dominican Republic", "Chile", "Brazil"},
            names("Jean", "Jean-Baptiste|Jean Baptiste", "Pierre", "Wilner", "Jean-Claude|Jean Claude", "Dieunel",
                "Wilson", "Frantz|Franz", "Ricardo"),
            names("Marie", "Rose", "Fabiola", "Guerline", "Lovely", "Nadège|Nadege", "Marie-Ange|Marie Ange",
                "Esther", "Wideline"),
            names("Pierre", "Jean-Louis|Jean Louis", "Joseph", "Louis", "Charles", "Baptiste", "Célestin|Celestin",
                "Saint-Fleur|St. Fleur|Saint Fleur", "Dorvil", "Augustin", "Exantus", "Théodore|Theodore"),
            false, false, false),
    };
    private static final int[] CULTURE_WEIGHTS = {46, 12, 8, 10, 8, 16};

    /** Facility codes and the kind of place: real-sounding, invented. */
    static final String[] FACILITIES = {"KROME-FL", "ADELANTO-CA", "OTAY-MESA-CA", "STEWART-GA", "OTERO-NM",
        "PORT-ISABEL-TX", "TACOMA-WA", "ELIZABETH-NJ", "LA-SALLE-LA", "DILLEY-TX", "EL-PASO-TX", "JENA-LA",
        "IRWIN-GA", "BATAVIA-NY", "AURORA-CO", "ELOY-AZ", "CIBOLA-NM", "BROOKS-TX", "MONTGOMERY-TX", "DENVER-CO"};
    private static final String[] CATEGORIES = {"abuse", "disability-accommodation", "language-access",
        "legal-representation", "personal-property", "medical", "religious-accommodation"};
    private static final String[] CHANNELS = {"WEB_PORTAL", "TELEPHONE", "MAIL", "EMAIL", "FAX", "IN_PERSON"};
    private static final int[] CHANNEL_WEIGHTS = {35, 20, 15, 15, 5, 10};
    private static final String[] FIRMS = {"Southern Border Legal Aid", "Immigrant Defenders Law Center",
        "Catholic Charities Legal Services", "Florence Project", "Al Otro Lado", "Haitian Bridge Alliance",
        "Northwest Detention Legal Clinic", "Garcia & Nguyen LLP"};
    private static final Map<String, String[]> DESCRIPTIONS = Map.of(
        "abuse", new String[] {"An officer pushed the detainee against a wall during a count on %s. ",
            "Other detainees threatened him and staff did not respond when he asked for help. "},
        "disability-accommodation", new String[] {"She uses a wheelchair and the unit has no accessible shower. ",
            "His hearing aid was taken at intake and not returned; he cannot follow announcements. "},
        "language-access", new String[] {"No interpreter was provided at the medical visit on %s. ",
            "Forms were given only in English and Spanish; the detainee reads neither. "},
        "legal-representation", new String[] {"The attorney was refused a legal visit twice this month. ",
            "Legal mail was opened outside the detainee's presence. "},
        "personal-property", new String[] {"Identity documents and a phone were not returned at transfer on %s. ",
            "Cash recorded at intake is missing from the property receipt. "},
        "medical", new String[] {"Insulin doses were missed for three days after %s. ",
            "A request to see a doctor for chest pain went unanswered for a week. "},
        "religious-accommodation", new String[] {"Halal meals were not provided during Ramadan. ",
            "A rosary and prayer book were confiscated without explanation. "});

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<Person> people = new ArrayList<>();
    private final double repeatShare;

    /**
     * @param seed the generator's seed: the same seed gives the same complaints
     * @param repeatShare the share of complaints about someone already complained about (0.3 is
     *     realistic; 0 means every complaint names a new person)
     */
    ComplaintSamples(long seed, double repeatShare) {
        this.random = new Random(seed);
        this.repeatShare = repeatShare;
    }

    private static String[][] names(String... variants) {
        String[][] out = new String[variants.length][];
        for (int i = 0; i < variants.length; i++) {
            out[i] = variants[i].split("\\|");
        }
        return out;
    }

    /** The next complaint, with the body a client would post ({@code withRequest}) or without it. */
    Sample next(boolean withRequest) {
        boolean repeat = !people.isEmpty() && random.nextDouble() < repeatShare;
        Person p = repeat ? people.get(random.nextInt(people.size())) : newPerson();
        if (!repeat) {
            people.add(p);
        }
        Culture c = CULTURES[p.culture()];
        String[][] givenPool = p.female() ? c.female() : c.male();

        // how this complaint writes the detainee's name
        List<String> givenParts = new ArrayList<>();
        for (int g : p.given()) {
            givenParts.add(spelling(givenPool[g], repeat));
        }
        List<String> familyParts = new ArrayList<>();
        for (int f : p.family()) {
            String fam = spelling(c.family()[f], repeat);
            if (c.femaleFamilyForm() && p.female()) {
                fam = fam + "a";
            }
            familyParts.add(fam);
        }
        if (c.twoFamilyNames() && familyParts.size() > 1 && repeat && random.nextInt(3) == 0) {
            familyParts.remove(1); // the second family name left off
        }
        String given = String.join(" ", givenParts);
        String family = String.join(" ", familyParts);
        boolean familyFirst = c.familyFirst() ? random.nextInt(4) > 0 : repeat && random.nextInt(8) == 0;
        String written = familyFirst ? family + " " + given : given + " " + family;
        String fullName = !repeat ? written : switch (random.nextInt(10)) {
            case 0, 1 -> typo(written);
            case 2 -> stripMarks(written);
            case 3 -> written.toUpperCase(Locale.ROOT);
            default -> written;
        };
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            aliases.add(familyFirst ? given + " " + family : family + " " + given);
        }
        if (random.nextInt(6) == 0) {
            aliases.add(givenParts.get(0) + " " + spelling(c.family()[random.nextInt(c.family().length)], true));
        }
        aliases.removeIf(a -> a.equals(fullName));

        LocalDate dob = p.dob();
        if (dob != null && repeat) {
            int r = random.nextInt(10);
            if (r == 0) {
                dob = null;
            } else if (r == 1 && dob.getDayOfMonth() <= 12) {
                dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
            }
        }
        String aNumber = p.aNumber() != null && (!repeat || random.nextInt(5) > 0) ? p.aNumber() : null;

        LocalDate receivedOn = today.minusDays(1 + random.nextInt(730));
        LocalDate incident = receivedOn.minusDays(random.nextInt(60));
        String facility = FACILITIES[random.nextInt(FACILITIES.length)];
        String channel = weighted(CHANNELS, CHANNEL_WEIGHTS);
        List<String> cats = new ArrayList<>();
        cats.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
        if (random.nextInt(4) == 0) {
            String second = CATEGORIES[random.nextInt(CATEGORIES.length)];
            if (!cats.contains(second)) {
                cats.add(second);
            }
        }
        StringBuilder description = new StringBuilder();
        for (String cat : cats) {
            for (String sentence : DESCRIPTIONS.get(cat)) {
                if (description.length() == 0 || random.nextBoolean()) {
                    description.append(String.format(sentence, incident));
                }
            }
        }
        description.append("The detainee asks that the matter be reviewed and that the facility respond in writing.");

        Map<String, Object> detainee = new LinkedHashMap<>();
        detainee.put("fullName", fullName);
        if (dob != null) {
            detainee.put("dateOfBirth", dob.toString());
        }
        if (!aliases.isEmpty()) {
            detainee.put("aliases", aliases);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        boolean anonymous = random.nextInt(30) == 0;
        if (!anonymous) {
            int who = random.nextInt(10);
            if (who < 4) {
                f.put("submitter", Map.of("fullName", fullName));
                f.put("submitterRelationship", "DETAINEE");
            } else if (who < 7) {
                String[][] relatives = p.female() ? c.male() : c.female();
                String relativeGiven = spelling(relatives[random.nextInt(relatives.length)], false);
                String relative = c.familyFirst() ? family + " " + relativeGiven : relativeGiven + " " + family;
                f.put("submitter", Map.of("fullName", relative));
                f.put("submitterRelationship", "FAMILY_MEMBER");
                f.put("submitterPhone", String.format("+1 %03d %03d %04d", 200 + random.nextInt(800),
                        random.nextInt(1000), random.nextInt(10000)));
            } else {
                String firm = FIRMS[random.nextInt(FIRMS.length)];
                f.put("submitter", Map.of("fullName", "Attorney " + (1 + random.nextInt(500))));
                f.put("submitterRelationship", "ATTORNEY");
                f.put("submitterOrganization", firm);
                f.put("submitterEmail", "intake" + (1 + random.nextInt(50)) + "@"
                        + firm.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT) + ".example");
            }
        }
        f.put("detainee", detainee);
        if (aNumber != null) {
            // written the ways people write it
            f.put("aNumber", switch (random.nextInt(3)) {
                case 0 -> "A" + aNumber.substring(0, 3) + "-" + aNumber.substring(3, 6) + "-" + aNumber.substring(6);
                case 1 -> "A" + aNumber;
                default -> aNumber;
            });
        }
        f.put("detaineeSex", p.female() ? "FEMALE" : "MALE");
        f.put("countryOfBirth", p.country());
        f.put("citizenships", p.country());
        f.put("facility", facility);
        LocalDate arrived = incident.minusDays(10 + random.nextInt(200));
        f.put("detentionHistory", (random.nextInt(3) == 0
                ? FACILITIES[random.nextInt(FACILITIES.length)] + ": " + arrived.minusDays(90) + " to " + arrived + "\n"
                : "") + facility + ": " + arrived);
        f.put("incidentDate", incident.toString());
        f.put("description", description.toString());
        f.put("categories", String.join(",", cats));
        boolean familyUnit = random.nextInt(12) == 0;
        f.put("inquirySubject", familyUnit ? "FAMILY_UNIT" : "ADULT");
        if (familyUnit) {
            f.put("familyMembers", spelling(givenPool[random.nextInt(givenPool.length)], false) + " " + family);
        }
        f.put("consentToInvestigate", random.nextInt(10) > 0);
        f.put("verificationSigned", random.nextInt(10) > 2);
        f.put("channel", channel);
        f.put("receivedOn", receivedOn.toString());
        if (anonymous) {
            f.put("anonymous", true);
        }
        f.put("emergency", random.nextInt(50) == 0);
        f.put("language", p.culture() == 0 ? "ES" : "EN");

        try {
            return new Sample(withRequest ? json.writeValueAsString(Map.of("fields", f)) : null, stored(f), receivedOn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the engine stores for the posted fields: the A-Number as nine digits, each person with
     * a list of aliases (other than the full name), and the submitter's identity dropped from an
     * anonymous complaint (the complaints module does that before the engine sees it).
     */
    private static Map<String, Object> stored(Map<String, Object> posted) {
        Map<String, Object> out = new LinkedHashMap<>(posted);
        if (out.get("aNumber") instanceof String a) {
            String digits = a.replaceAll("[^0-9]", "");
            out.put("aNumber", digits.length() == 8 ? "0" + digits : digits);
        }
        for (String key : List.of("submitter", "detainee")) {
            if (out.get(key) instanceof Map<?, ?> person) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("fullName", person.get("fullName"));
                if (person.get("dateOfBirth") != null) {
                    p.put("dateOfBirth", person.get("dateOfBirth"));
                }
                List<String> aliases = new ArrayList<>();
                if (person.get("aliases") instanceof List<?> l) {
                    l.forEach(x -> {
                        if (!aliases.contains(String.valueOf(x))) {
                            aliases.add(String.valueOf(x));
                        }
                    });
                }
                aliases.remove(String.valueOf(person.get("fullName")));
                p.put("aliases", List.copyOf(aliases));
                out.put(key, p);
            }
        }
        return out;
    }

    private Person newPerson() {
        int culture = weightedIndex(CULTURE_WEIGHTS);
        Culture c = CULTURES[culture];
        boolean female = random.nextInt(10) < 4;
        String[][] givenPool = female ? c.female() : c.male();
        int[] given = random.nextInt(5) == 0 && c != CULTURES[4]
                ? new int[] {random.nextInt(givenPool.length), random.nextInt(givenPool.length)}
                : new int[] {random.nextInt(givenPool.length)};
        if (given.length == 2 && given[0] == given[1]) {
            given = new int[] {given[0]};
        }
        int[] family = c.twoFamilyNames()
                ? new int[] {random.nextInt(c.family().length), random.nextInt(c.family().length)}
                : new int[] {random.nextInt(c.family().length)};
        LocalDate dob = random.nextInt(20) == 0 ? null
                : today.minusYears(18 + random.nextInt(55)).minusDays(random.nextInt(365));
        String aNumber = random.nextInt(10) < 8
                ? String.format("%09d", 200_000_000 + random.nextInt(100_000_000)) : null;
        String country = random.nextInt(4) == 0 ? c.countries()[random.nextInt(c.countries().length)] : c.country();
        return new Person(culture, given, family, female, dob, aNumber, country);
    }

    /** The usual spelling mostly; on a repeat, one of the others now and then. */
    private String spelling(String[] variants, boolean varied) {
        if (variants.length == 1 || !varied || random.nextInt(3) > 0) {
            return variants[0];
        }
        return variants[1 + random.nextInt(variants.length - 1)];
    }

    /** One slip of the keyboard: a letter dropped, doubled or two swapped, inside a word. */
    private String typo(String name) {
        int i = 1 + random.nextInt(Math.max(1, name.length() - 2));
        if (!Character.isLetter(name.charAt(i)) || !Character.isLetter(name.charAt(i - 1))) {
            return name;
        }
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.substring(i + 1);
            case 1 -> name.substring(0, i) + name.charAt(i) + name.substring(i);
            default -> name.substring(0, i - 1) + name.charAt(i) + name.charAt(i - 1) + name.substring(i + 1);
        };
    }

    private static String stripMarks(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('Đ', 'D').replace('đ', 'd');
    }

    private String weighted(String[] values, int[] weights) {
        return values[weightedIndex(weights)];
    }

    private int weightedIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
