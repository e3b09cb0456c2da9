package org.casework.console.internal.rest;

/**
 * One navigation entry as the console receives it from {@code GET /api/v1/console/modules}.
 *
 * @param key the module's stable key
 * @param label the navigation label
 * @param entryPath an absolute path or a console route such as {@code #/cases/congress}
 * @param order position in the navigation, lower first
 */
public record ConsoleModuleView(String key, String label, String entryPath, int order) {
}
