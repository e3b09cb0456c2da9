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
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Realistic congressional inquiries (the example case type {@code congress}), generated up front
 * so that building request bodies is not part of what is timed. Each sample also carries the rows
 * the case engine derives from it, which the raw JDBC baseline writes.
 */
final class CongressSamples {

    static final String TYPE = "congress";
    static final String NUMBER_PREFIX = "CI";

    /** One indexed value, as the engine stores it in {@code cw_case_value}. */
    record IndexedValue(String field, int ordinal, String text) {
    }

    /**
     * One case: the REST body, and what the engine stores for it (JSON data, title, the search
     * text after the case number, and the indexed values).
     */
    record Sample(String requestJson, String dataJson, String title, String searchTextAfterNumber,
            List<IndexedValue> values) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final String[] FIRST = {"Maria", "José", "Nguyễn Thị", "Ahmed", "Olena", "James", "Zoë",
        "Chen", "Fatima", "Diego", "Aisha", "Mikhail", "Priya", "Samuel", "Lucía", "Tomasz", "Grace",
        "Kwame", "Héloïse", "Daniel"};
    private static final String[] LAST = {"García", "Nguyen", "Haddad", "Kovalenko", "Smith", "Okafor",
        "Müller", "Rodríguez", "Patel", "Kim", "Johnson", "Ibrahim", "Novák", "Santos", "O'Brien",
        "Mensah", "Lefèvre", "Hernández", "Cohen", "Yilmaz"};
    private static final String[] HOUSE = {"Rep. Ana Delgado (D-TX-16)", "Rep. Mark Ellison (R-OH-4)",
        "Rep. Karen Whitfield (D-CA-12)", "Rep. Thomas Brandt (R-FL-19)", "Rep. Linda Osei (D-NY-14)",
        "Rep. Robert Haines (R-GA-9)", "Rep. Julia Marquez (D-AZ-7)", "Rep. Peter Lindqvist (D-MN-5)"};
    private static final String[] SENATE = {"Sen. Elizabeth Carver (D-MA)", "Sen. John Whitaker (R-TX)",
        "Sen. Mei Lin Park (D-WA)", "Sen. Richard Hollis (R-KY)", "Sen. Andrea Fuentes (D-NV)",
        "Sen. Charles Beaumont (R-SC)"};
    private static final String[] BENEFIT = {"naturalization application", "adjustment of status",
        "employment authorization", "asylum application", "travel document", "visa petition for a spouse",
        "green card replacement", "fee waiver request", "DACA renewal", "removal of conditions on residence"};
    private static final String[] SUBJECT = {"Status of %s for %s", "Delay in %s processing for %s",
        "Request to expedite %s of %s", "Missing notice on %s for %s", "Biometrics appointment for %s of %s"};
    private static final String[] QUESTION = {
        "The constituent filed the %s more than %d months ago and has received no decision. ",
        "Our office asks whether additional evidence is needed and when a decision can be expected. ",
        "The online case status has not changed since the biometrics appointment. ",
        "The constituent's employer is waiting on the outcome and the current authorization expires soon. ",
        "Please confirm the address on file; the constituent moved and may have missed a notice. ",
        "A request for evidence was answered within the deadline and the receipt is attached to our file. ",
        "The family is facing financial hardship while the %s is pending. ",
        "Please let our caseworker know whether an interview will be scheduled. "};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    CongressSamples(long seed) {
        this.random = new Random(seed);
    }

    List<Sample> next(int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    Sample next() {
        String name = pick(FIRST) + " " + pick(LAST);
        String benefit = pick(BENEFIT);
        boolean house = random.nextInt(3) > 0;
        String subject = String.format(pick(SUBJECT), benefit, name);
        String member = house ? pick(HOUSE) : pick(SENATE);
        String chamber = house ? "HOUSE" : "SENATE";
        // at least a day back: "not in the future" is judged on the server's UTC date
        LocalDate receivedOn = today.minusDays(1 + random.nextInt(365));
        LocalDate responseDue = random.nextInt(10) < 7 ? receivedOn.plusDays(30) : null;
        // the engine keeps distinct aliases other than the full name; so do the samples
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            addAlias(aliases, name, pick(FIRST) + " " + pick(LAST));
            if (random.nextBoolean()) {
                addAlias(aliases, name, name.substring(0, name.lastIndexOf(' ')) + " " + pick(LAST));
            }
        }
        String aNumber = String.format("%03d%03d%03d", 1 + random.nextInt(999), random.nextInt(1000), random.nextInt(1000));
        String replyTo = random.nextInt(10) < 6
                ? "caseworker" + (1 + random.nextInt(40)) + "@" + member.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT)
                        .substring(0, 8) + ".house.example"
                : null;
        StringBuilder question = new StringBuilder();
        int sentences = 3 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            question.append(String.format(pick(QUESTION), benefit, 2 + random.nextInt(20)));
        }

        Map<String, Object> constituent = new LinkedHashMap<>();
        constituent.put("fullName", name);
        if (!aliases.isEmpty()) {
            constituent.put("aliases", aliases);
        }
        Map<String, Object> storedConstituent = new LinkedHashMap<>(constituent);
        storedConstituent.put("aliases", aliases);
        // what a caller sends (A-Number in its usual written form) ...
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", subject);
        request.put("member", member);
        request.put("chamber", chamber);
        request.put("receivedOn", receivedOn.toString());
        if (responseDue != null) {
            request.put("responseDue", responseDue.toString());
        }
        request.put("constituent", constituent);
        request.put("aNumber", "A" + aNumber.substring(0, 3) + "-" + aNumber.substring(3, 6) + "-" + aNumber.substring(6));
        if (replyTo != null) {
            request.put("replyTo", replyTo);
        }
        request.put("question", question.toString().strip());
        // ... and what the engine stores (A-Number as nine digits)
        Map<String, Object> stored = new LinkedHashMap<>(request);
        stored.put("aNumber", aNumber);
        stored.put("constituent", storedConstituent);

        // indexed values in the order of the type's fields; long text is not indexed
        List<IndexedValue> values = new ArrayList<>();
        values.add(new IndexedValue("subject", 0, fold(subject)));
        values.add(new IndexedValue("member", 0, fold(member)));
        values.add(new IndexedValue("chamber", 0, fold(chamber)));
        values.add(new IndexedValue("receivedOn", 0, receivedOn.toString()));
        if (responseDue != null) {
            values.add(new IndexedValue("responseDue", 0, responseDue.toString()));
        }
        values.add(new IndexedValue("constituent", 0, fold(name)));
        for (int a = 0; a < aliases.size(); a++) {
            values.add(new IndexedValue("constituent", a + 1, fold(aliases.get(a))));
        }
        values.add(new IndexedValue("aNumber", 0, aNumber));
        if (replyTo != null) {
            values.add(new IndexedValue("replyTo", 0, fold(replyTo)));
        }
        String searchText = fold(subject) + " " + fold(member);
        try {
            return new Sample(json.writeValueAsString(Map.of("fields", request)), json.writeValueAsString(stored),
                    subject, searchText, List.copyOf(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower case without diacritics, as the engine indexes text. */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    private static void addAlias(List<String> aliases, String fullName, String alias) {
        if (!alias.equals(fullName) && !aliases.contains(alias)) {
            aliases.add(alias);
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
