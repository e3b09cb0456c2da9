package org.casework.portal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PortalMessagesTest {

    @Test
    void rulesAreTranslatedFromTheirKey() {
        assertTrue(PortalMessages.of("es").rule("consent").startsWith("Debe dar su consentimiento"));
        assertTrue(PortalMessages.of("en").rule("consent").startsWith("You must agree"));
        assertEquals("El archivo «a.pdf» es demasiado grande. Cada archivo puede tener como máximo 10 MB.",
                PortalMessages.of("es").rule("fileTooLarge", "a.pdf", 10L));
    }

    @Test
    void anUnknownRuleGetsTheGeneralMessage() {
        assertEquals(PortalMessages.of("es").rule("invalid"), PortalMessages.of("es").rule("someNewRule"));
        assertFalse(PortalMessages.of("en").knows("someNewRule"));
    }

    @Test
    void anyOtherLanguageGetsEnglishWhateverTheServersLocale() {
        assertEquals(PortalMessages.of("en").rule("required"), PortalMessages.of("fr").rule("required"));
        assertEquals("This information is required.", PortalMessages.of("de").rule("required"));
    }

    @Test
    void theLanguageComesFromTheParameterThenAcceptLanguage() {
        assertEquals("es", PortalMessages.language("es", "en-US"));
        assertEquals("es", PortalMessages.language(null, "fr-FR, es-MX;q=0.8, en;q=0.5"));
        assertEquals("en", PortalMessages.language("xx", "de"));
        assertEquals("en", PortalMessages.language(null, "not a header;;;"));
    }

    @Test
    void everyEnglishMessageHasASpanishOneWithTheSameArguments() throws IOException {
        Properties en = load("messages.properties");
        Properties es = load("messages_es.properties");
        assertEquals(en.stringPropertyNames(), es.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(es.getProperty(key)), key);
        }
    }

    @Test
    void thePageHasEveryTextInBothLanguages() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode en = mapper.readTree(getClass().getResourceAsStream("/web/i18n/en.json"));
        JsonNode es = mapper.readTree(getClass().getResourceAsStream("/web/i18n/es.json"));
        assertEquals(keys(en), keys(es));
        String page;
        try (InputStream in = getClass().getResourceAsStream("/web/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("data-i18n=\"([^\"]+)\"").matcher(page);
        int count = 0;
        while (m.find()) {
            count++;
            assertTrue(en.has(m.group(1)), "en.json lacks " + m.group(1));
        }
        assertTrue(count > 50, "the page's texts come from the message files");
        for (Iterator<String> it = en.fieldNames(); it.hasNext();) {
            String key = it.next();
            assertFalse(es.get(key).asText().isBlank(), key);
            assertEquals(placeholders(en.get(key).asText()), placeholders(es.get(key).asText()), key);
        }
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find(), "no inline script");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(page).find(), "no inline event handlers");
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/casework/portal/internal/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
