package org.casework.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares people by name and date of birth. Names are compared after folding case and
 * diacritics, with given and family names in any order.
 */
public final class PersonMatching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PersonMatching() {
    }

    /** The name folded to lower-case letters without diacritics, words separated by one space. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Keys to index a person under and to look candidates up by: two records {@link #compare} may
     * match share at least one key.
     */
    public static Set<String> blockingKeys(PersonRecord person) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names(person)) {
            String key = sortedWords(name);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Whether the two records may name the same person, and why; empty when they do not. */
    public static Optional<PersonMatch> compare(PersonRecord probe, PersonRecord candidate) {
        if (probe.dateOfBirth() != null && candidate.dateOfBirth() != null
                && !probe.dateOfBirth().equals(candidate.dateOfBirth())) {
            return Optional.empty();
        }
        for (String a : names(probe)) {
            for (String b : names(candidate)) {
                if (!sortedWords(a).isEmpty() && sortedWords(a).equals(sortedWords(b))) {
                    List<String> reasons = new ArrayList<>();
                    reasons.add(normalize(a).equals(normalize(b))
                            ? "name \"" + b + "\" is the same as \"" + a + "\""
                            : "name \"" + b + "\" has the same words as \"" + a + "\"");
                    boolean sameBirth = probe.dateOfBirth() != null && candidate.dateOfBirth() != null;
                    if (sameBirth) {
                        reasons.add("same date of birth " + probe.dateOfBirth());
                    }
                    return Optional.of(new PersonMatch(sameBirth ? 1.0 : 0.8, reasons));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(PersonRecord p) {
        List<String> all = new ArrayList<>();
        if (p.fullName() != null && !p.fullName().isBlank()) {
            all.add(p.fullName());
        }
        all.addAll(p.aliases());
        return all;
    }

    private static String sortedWords(String name) {
        String n = normalize(name);
        if (n.isEmpty()) {
            return "";
        }
        String[] words = n.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
