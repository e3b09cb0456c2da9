package org.casework.core.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the records on this page
 * @param total how many records match in all (only those the caller may see)
 * @param page the zero-based page number
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }
}
