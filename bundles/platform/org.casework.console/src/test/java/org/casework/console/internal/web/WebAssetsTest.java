package org.casework.console.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks on the console's static files that need no browser: the page obeys the content security
 * policy, every module import resolves, every message the scripts use is in the bundles, and the
 * Spanish bundle has exactly the English bundle's keys with the same placeholders.
 */
class WebAssetsTest {

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\bt\\(\\s*'([^']+)'");
    private static final Pattern CONDITIONAL_KEYS = Pattern.compile("\\?\\s*'([a-z]+\\.[A-Za-z.]+)'\\s*:\\s*'([a-z]+\\.[A-Za-z.]+)'");
    private static final Pattern IMPORT = Pattern.compile("^import .* from '([^']+)';$", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    private static Path web;
    private static Map<String, String> english;
    private static Map<String, String> spanish;

    @BeforeAll
    static void load() throws URISyntaxException, IOException {
        web = Path.of(WebAssetsTest.class.getResource("/web/index.html").toURI()).getParent();
        // A key written twice would otherwise be read silently as its last value.
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        TypeReference<Map<String, String>> type = new TypeReference<>() {
        };
        english = mapper.readValue(web.resolve("i18n/en.json").toFile(), type);
        spanish = mapper.readValue(web.resolve("i18n/es.json").toFile(), type);
    }

    @Test
    void pageHasNoInlineScriptOrStyle() throws IOException {
        String html = read(web.resolve("index.html"));
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "inline script in index.html: " + scripts.group());
        }
        assertFalse(html.contains("<style"), "inline style element in index.html");
        assertFalse(html.contains("style="), "style attribute in index.html");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "inline event handler in index.html");
        assertTrue(html.contains("<html lang="), "the page names its language");
    }

    @Test
    void scriptsNeverParseStringsAsMarkupOrSetInlineStyles() throws IOException {
        for (Path script : scripts()) {
            String js = read(script);
            for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function", "setAttribute('style'", ".style.")) {
                assertFalse(js.contains(forbidden), script.getFileName() + " uses " + forbidden);
            }
        }
    }

    @Test
    void everyRelativeImportResolves() throws IOException {
        for (Path script : scripts()) {
            Matcher m = IMPORT.matcher(read(script));
            while (m.find()) {
                String target = m.group(1);
                assertTrue(target.startsWith("./") || target.startsWith("../"), script + " imports " + target);
                assertTrue(Files.isRegularFile(script.getParent().resolve(target).normalize()),
                        script.getFileName() + " imports missing " + target);
            }
        }
    }

    @Test
    void everyMessageKeyUsedIsInTheEnglishBundle() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path script : scripts()) {
            String js = read(script);
            for (Pattern p : List.of(MESSAGE_KEY, CONDITIONAL_KEYS)) {
                Matcher m = p.matcher(js);
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (!english.containsKey(m.group(g))) {
                            missing.add(script.getFileName() + ": " + m.group(g));
                        }
                    }
                }
            }
        }
        for (String part : List.of("line1", "line2", "city", "state", "postalCode", "country")) {
            if (!english.containsKey("field.address." + part)) {
                missing.add("field.address." + part);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void spanishHasEveryKeyEnglishHasAndNoOther() {
        // A key only English has shows up in English on a Spanish page, as i18n.js lays Spanish over English.
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
        // t() leaves an unknown {name} as it is and drops a value no placeholder asks for.
        for (Map.Entry<String, String> e : english.entrySet()) {
            if (spanish.containsKey(e.getKey())) {
                assertEquals(placeholders(e.getValue()), placeholders(spanish.get(e.getKey())),
                        "placeholders of " + e.getKey());
            }
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

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(web.resolve("js"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
            assertFalse(list.isEmpty());
            return list;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
