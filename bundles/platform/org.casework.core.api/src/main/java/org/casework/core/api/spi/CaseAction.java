package org.casework.core.api.spi;

/** What a caller may do to cases of a type; a case type grants each action to roles. */
public enum CaseAction {
    /** Open a new case. */
    CREATE,
    /** See a case, its notes, attachments, links and history, and find it in lists. */
    READ,
    /** Change fields, assign, add notes, attachments and links. */
    UPDATE
}
