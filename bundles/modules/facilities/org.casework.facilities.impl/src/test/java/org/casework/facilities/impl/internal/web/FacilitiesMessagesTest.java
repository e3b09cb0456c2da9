package org.casework.facilities.impl.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that the facilities page reads the same in Spanish as in English: facilities.js lays
 * es.json over en.json, so a key Spanish lacks shows in English, and m() fills in only the
 * {placeholders} a text names.
 */
class FacilitiesMessagesTest {

    /** The placeholder syntax m() in facilities.js replaces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    private static Map<String, String> english;
    private static Map<String, String> spanish;

    @BeforeAll
    static void load() throws IOException {
        english = read("/web/i18n/en.json");
        spanish = read("/web/i18n/es.json");
    }

    @Test
    void spanishHasEveryKeyEnglishHasAndNoOther() {
        Set<String> untranslated = new TreeSet<>(english.keySet());
        untranslated.removeAll(spanish.keySet());
        assertEquals(Set.of(), untranslated, "keys en.json has and es.json lacks");
        Set<String> unknown = new TreeSet<>(spanish.keySet());
        unknown.removeAll(english.keySet());
        assertEquals(Set.of(), unknown, "keys es.json has and en.json lacks");
        spanish.forEach((key, text) -> assertFalse(text.isBlank(), "blank Spanish text for " + key));
    }

    @Test
    void spanishFillsInTheSamePlaceholdersAsEnglish() {
        english.forEach((key, text) -> {
            if (spanish.containsKey(key)) {
                assertEquals(placeholders(text), placeholders(spanish.get(key)), "placeholders of " + key);
            }
        });
    }

    private static Map<String, String> read(String resource) throws IOException {
        // A key written twice would otherwise be read silently as its last value.
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (InputStream in = FacilitiesMessagesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "no " + resource);
            return mapper.readValue(in, new TypeReference<Map<String, String>>() {
            });
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
