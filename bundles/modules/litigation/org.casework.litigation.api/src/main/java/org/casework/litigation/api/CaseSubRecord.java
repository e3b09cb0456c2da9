package org.casework.litigation.api;

import java.time.Instant;

/**
 * What every repeating record of a litigation case carries besides its own data. A client sends
 * the same shape it reads: the server sets {@code id}, {@code caseId} and the audit stamps, and
 * ignores what a client puts there; {@code version} is the optimistic lock of an update.
 */
public interface CaseSubRecord {

    /** The record's id, null in a record not yet stored. */
    Long id();

    /** The case it belongs to (the engine's case id). */
    long caseId();

    /** The version read; an update or removal sending another one is refused with 409. */
    Long version();

    Instant createdAt();

    String createdBy();

    Instant updatedAt();

    String updatedBy();
}
