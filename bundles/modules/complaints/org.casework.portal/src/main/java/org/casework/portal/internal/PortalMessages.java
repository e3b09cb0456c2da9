package org.casework.portal.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's answers in the submitter's language: English or Spanish. Errors are translated
 * from their rule key, never from the English sentence the complaints module wrote.
 */
final class PortalMessages {

    static final List<String> LANGUAGES = List.of("en", "es");

    private static final String BASE = "org.casework.portal.internal.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private PortalMessages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English is the base file itself.
        this.bundle = ResourceBundle.getBundle(BASE, locale, PortalMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Messages in {@code language} ({@code en} or {@code es}); anything else gets English. */
    static PortalMessages of(String language) {
        return new PortalMessages("es".equals(language) ? new Locale("es") : Locale.ROOT);
    }

    /**
     * The language a request asks for: the {@code lang} parameter when it is one the portal
     * speaks, else the first supported language of {@code Accept-Language}, else English.
     */
    static String language(String langParameter, String acceptLanguage) {
        if (langParameter != null && LANGUAGES.contains(langParameter)) {
            return langParameter;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException e) {
                return "en";
            }
        }
        return "en";
    }

    String language() {
        return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
    }

    /** The message of an error rule; an unknown rule gets the general "could not be accepted". */
    String rule(String rule, Object... args) {
        String key = "rule." + rule;
        return format(bundle.containsKey(key) ? key : "rule.invalid", args);
    }

    boolean knows(String rule) {
        return bundle.containsKey("rule." + rule);
    }

    String text(String key, Object... args) {
        return format(key, args);
    }

    private String format(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No portal message " + key, e);
        }
    }
}
