package org.casework.litigation.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks on the litigation pages' files that need no browser: every message the script names is in
 * both languages with the same placeholders, the script imports only the console's shared modules
 * that exist, and it obeys the console's content security policy.
 */
class LitigationWebAssetsTest {

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\bt\\(\\s*'(litigation\\.[^']+)'");
    private static final Pattern IMPORT_PATH = Pattern.compile("from '([^']+)';");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    private static Path web;
    private static String script;
    private static Map<String, String> english;
    private static Map<String, String> spanish;

    @BeforeAll
    static void load() throws URISyntaxException, IOException {
        web = Path.of(LitigationWebAssetsTest.class.getResource("/web/pages.js").toURI()).getParent();
        script = Files.readString(web.resolve("pages.js"), StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<Map<String, String>> type = new TypeReference<>() {
        };
        english = mapper.readValue(web.resolve("i18n/en.json").toFile(), type);
        spanish = mapper.readValue(web.resolve("i18n/es.json").toFile(), type);
    }

    @Test
    void everyMessageTheScriptUsesIsInBothLanguages() {
        Matcher m = MESSAGE_KEY.matcher(script);
        Set<String> missing = new TreeSet<>();
        int found = 0;
        while (m.find()) {
            found++;
            if (!english.containsKey(m.group(1)) || !spanish.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertTrue(found > 50, "the script's messages were not found: " + found);
        assertTrue(missing.isEmpty(), "messages missing: " + missing);
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(spanish.keySet()));
        english.forEach((key, text) -> assertEquals(placeholders(text), placeholders(spanish.get(key)), key));
        spanish.forEach((key, text) -> assertFalse(text.isBlank(), key));
    }

    @Test
    void importsAreTheConsolesSharedModules() throws IOException {
        Path console = Path.of("../../../platform/org.casework.console/src/main/resources/web").toAbsolutePath().normalize();
        Matcher m = IMPORT_PATH.matcher(script);
        int imports = 0;
        while (m.find()) {
            imports++;
            String path = m.group(1);
            assertTrue(path.startsWith("/console/js/"), "imports only the console's shared modules: " + path);
            if (Files.isDirectory(console)) {
                assertTrue(Files.isRegularFile(console.resolve(path.substring("/console/".length()))), "no such module " + path);
                Path shared = console.resolve(path.substring("/console/".length()));
                String source = Files.readString(shared, StandardCharsets.UTF_8);
                Matcher names = Pattern.compile("import \\{([^}]*)\\} from '" + Pattern.quote(path) + "'").matcher(script);
                while (names.find()) {
                    for (String name : names.group(1).split(",")) {
                        String n = name.strip();
                        if (!n.isEmpty()) {
                            assertTrue(Pattern.compile("export (async )?(function|const|class) " + Pattern.quote(n) + "\\b")
                                    .matcher(source).find(), path + " exports no " + n);
                        }
                    }
                }
            }
        }
        assertTrue(imports >= 5, "imports found: " + imports);
    }

    @Test
    void scriptObeysTheContentSecurityPolicy() {
        assertFalse(script.contains("innerHTML"), "markup from strings");
        assertFalse(script.contains("eval("), "eval");
        assertFalse(script.contains("style="), "inline style");
        assertFalse(script.contains("new Function"), "new Function");
    }

    @Test
    void navigationEntriesLeadToThePagesInBothLanguages() {
        LitigationConsoleModule calendar = new LitigationConsoleModule();
        assertEquals("#/m/" + calendar.key(), calendar.entryPath());
        assertTrue(script.contains("const KEY = '" + calendar.key() + "';"));
        assertEquals("Calendario de litigios", calendar.labels().get("es"));

        LitigationWorkloadConsoleModule workload = new LitigationWorkloadConsoleModule();
        assertEquals(calendar.entryPath() + "/workload", workload.entryPath());
        assertTrue(script.contains("const WORKLOAD_MODULE = '" + workload.key() + "';"),
                "the pages offer the workload tab when the server lists this entry");
        assertEquals("Carga de trabajo de litigios", workload.labels().get("es"));
    }

    @Test
    void entriesAskForThePermissionsTheRestResourcesAsk() {
        // CalendarResource: reading any litigation type opens the calendar; the workload has its own
        assertEquals(Set.of("case.immigration-case:read", "case.federal-litigation:read",
                "case.administrative-case:read"), new LitigationConsoleModule().requiredPermissions());
        assertEquals(Set.of("litigation.workload:read"), new LitigationWorkloadConsoleModule().requiredPermissions());
        assertEquals(null, new LitigationWorkloadConsoleModule().requiredRole());
    }

    @Test
    void addsTheRecordsSectionToTheLitigationCasePages() {
        assertEquals(Set.of("immigration-case", "federal-litigation", "administrative-case"),
                new LitigationConsoleModule().caseSections());
        assertTrue(script.contains("export async function caseSection("), "the console calls caseSection");
        assertEquals(Set.of(), new LitigationWorkloadConsoleModule().caseSections());
        for (String kind : Set.of("people", "phase-notes", "memoranda", "actions", "applications", "visas",
                "a-file-transfers")) {
            assertTrue(script.contains("{ kind: '" + kind + "'"), "lists " + kind);
            assertTrue(english.containsKey("litigation.records." + kind), kind);
        }
    }

    @Test
    void everyRuleTheServerNamesHasATranslatedMessageInBothLanguages() {
        for (String key : english.keySet()) {
            if (key.startsWith("litigation.error.")) {
                assertTrue(spanish.containsKey(key), key);
                assertTrue(key.split("\\.").length == 4, "litigation.error.<field>.<rule>: " + key);
            }
        }
        assertTrue(english.containsKey("litigation.error.to.range"));
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
