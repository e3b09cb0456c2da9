package org.casework.audit.api;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param intact true when every entry is unchanged and in the chain
 * @param entries how many chained entries were checked
 * @param position the chain position of the first broken entry, or null
 * @param entryId the id of the first broken entry, or null when it is missing altogether
 * @param reason what is wrong with it, in plain words, or null when intact
 */
public record Verification(boolean intact, long entries, Long position, Long entryId, String reason) {

    /** An intact trail of {@code entries} chained entries. */
    public static Verification ok(long entries) {
        return new Verification(true, entries, null, null, null);
    }

    /** A trail broken at {@code position}. */
    public static Verification broken(long entries, Long position, Long entryId, String reason) {
        return new Verification(false, entries, position, entryId, reason);
    }
}
