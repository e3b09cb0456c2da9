package org.casework.console.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks on the console's static files that need no browser: the page obeys the content security
 * policy, every module import resolves, and every message the scripts use is in the bundles.
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
        ObjectMapper mapper = new ObjectMapper();
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
    void spanishCoversSignInAndTheShell() {
        List<String> untranslated = new ArrayList<>();
        for (String key : english.keySet()) {
            if ((key.startsWith("signIn.") || key.startsWith("shell.") || key.startsWith("nav.") || key.startsWith("password."))
                    && !spanish.containsKey(key)) {
                untranslated.add(key);
            }
        }
        assertEquals(List.of(), untranslated);
    }

    @Test
    void spanishCoversTheAdministrationAndAccountPages() {
        List<String> untranslated = new ArrayList<>();
        for (String key : english.keySet()) {
            if (List.of("users.", "roles.", "audit.", "alerts.", "account.", "warnings.", "common.").stream()
                    .anyMatch(key::startsWith) && !spanish.containsKey(key)) {
                untranslated.add(key);
            }
        }
        assertEquals(List.of(), untranslated);
    }

    @Test
    void spanishHasNoKeysOrPlaceholdersEnglishLacks() {
        for (Map.Entry<String, String> e : spanish.entrySet()) {
            if (!english.containsKey(e.getKey())) {
                fail("es.json has a key en.json lacks: " + e.getKey());
            }
            assertEquals(placeholders(english.get(e.getKey())), placeholders(e.getValue()),
                    "placeholders of " + e.getKey());
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
