package org.casework.audit.impl.internal.alerts;

import java.util.List;

/** One page of alerts, newest first, and how many match in all. */
public record AlertPage(List<AlertView> items, long total, int page, int size) {
}
