package org.casework.core.api.access;

import java.util.Set;

/**
 * Which records of a resource a caller may act on, in a form a module turns into its list query:
 * a record qualifies when {@link #all()} is true, or its owning division is in {@link #divisions()},
 * or it is assigned to ({@link #assigned()}) or created by ({@link #own()}) the caller, or its id
 * is in {@link #grantedIds()}. Lists and counts built this way match what the caller may open.
 *
 * @param all every record qualifies
 * @param divisions owning divisions whose records qualify
 * @param assigned records assigned to the caller qualify
 * @param own records the caller created qualify
 * @param grantedIds ids of records granted to the caller one by one
 */
public record Visibility(boolean all, Set<String> divisions, boolean assigned, boolean own, Set<String> grantedIds) {

    public static final Visibility NONE = new Visibility(false, Set.of(), false, false, Set.of());
    public static final Visibility ALL = new Visibility(true, Set.of(), false, false, Set.of());

    public Visibility {
        divisions = Set.copyOf(divisions == null ? Set.of() : divisions);
        grantedIds = Set.copyOf(grantedIds == null ? Set.of() : grantedIds);
    }

    /** Whether no record at all qualifies. */
    public boolean none() {
        return !all && divisions.isEmpty() && !assigned && !own && grantedIds.isEmpty();
    }

    /** Whether this record qualifies, for a caller named {@code username}. */
    public boolean includes(RecordRef record, String username) {
        return all
                || record.ownerDivision() != null && divisions.contains(record.ownerDivision())
                || assigned && username.equals(record.assignee())
                || (own || assigned) && username.equals(record.createdBy())
                || grantedIds.contains(record.id());
    }
}
