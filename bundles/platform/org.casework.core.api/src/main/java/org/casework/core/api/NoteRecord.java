package org.casework.core.api;

import java.time.Instant;

/** A note on a case. Notes are never edited or deleted: a correction is a new note. */
public record NoteRecord(long id, long caseId, String text, Instant createdAt, String createdBy) {
}
