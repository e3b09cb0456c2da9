package org.casework.console.internal.rest;

import java.util.List;
import java.util.Map;

/**
 * One navigation entry as the console receives it from {@code GET /api/v1/console/modules}.
 *
 * @param key the module's stable key
 * @param label the navigation label in English (and for languages {@code labels} lacks)
 * @param labels the navigation label per language code ({@code "es"}), possibly empty
 * @param entryPath an absolute path or a console route such as {@code #/cases/congress}
 * @param order position in the navigation, lower first
 * @param caseSections the case types on whose case page the module adds a section, sorted
 */
public record ConsoleModuleView(String key, String label, Map<String, String> labels, String entryPath, int order,
        List<String> caseSections) {

    public ConsoleModuleView {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        caseSections = caseSections == null ? List.of() : List.copyOf(caseSections);
    }

    /** An entry that speaks English only and adds no case page section. */
    public ConsoleModuleView(String key, String label, String entryPath, int order) {
        this(key, label, Map.of(), entryPath, order, List.of());
    }
}
