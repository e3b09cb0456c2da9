package org.casework.security.impl.internal.profile;

import java.util.List;

/** A JSON list answer, {@code {"items": [...]}}, leaving room for more properties later. */
record Items<T>(List<T> items) {
}
