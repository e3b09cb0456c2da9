package org.casework.audit.api;

import java.util.List;

/**
 * One page of audit entries.
 *
 * @param items the entries, newest first
 * @param total how many entries match the query
 * @param page the page number, from 0
 * @param size the page size asked for
 */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {
}
