package org.casework.core.api;

import java.util.Map;

/**
 * What to list. Every criterion is optional; they combine with AND.
 *
 * @param text words that must each appear in a searchable field, a person's name or alias, or the
 *     case number (case-insensitive)
 * @param status a workflow state key
 * @param assignee a user name
 * @param fieldEquals exact matches on field values, by field key (A-Numbers in any accepted form)
 * @param page zero-based page number
 * @param size page size, 1 to {@value #MAX_SIZE}
 * @param sort a field key or one of {@code number, status, createdAt, updatedAt, assignee}
 * @param ascending sort direction
 */
public record CaseQuery(String text, String status, String assignee, Map<String, String> fieldEquals,
        int page, int size, String sort, boolean ascending) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    public CaseQuery {
        fieldEquals = Map.copyOf(fieldEquals == null ? Map.of() : fieldEquals);
    }

    /** The first page of everything, newest first. */
    public static CaseQuery all(int size) {
        return new CaseQuery(null, null, null, Map.of(), 0, size, "createdAt", false);
    }
}
