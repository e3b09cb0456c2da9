package org.casework.litigation.impl.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.litigation.api.CaseSubRecord;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.api.RecordKind;
import org.casework.litigation.impl.internal.persistence.CaseSubRecordEntity;

/**
 * What is particular to one kind of case record: its table, its rules and how it maps to its
 * API record. {@link CaseRecordsServiceImpl} does the rest (need-to-know, versions, paging,
 * audit) the same way for every kind.
 */
interface RecordHandler<T extends CaseSubRecord, E extends CaseSubRecordEntity> {

    /** What a handler may need to know about the write in progress. */
    record Context(Caller caller, CaseRecord kase, EntityManager em, Instant now,
            Supplier<Set<Long>> attachmentIds) {
    }

    RecordKind<T> kind();

    Class<E> entityClass();

    E newEntity();

    /** Sortable record properties and their JPQL paths ({@code e.} is the entity). */
    Map<String, String> sorts();

    /** The property sorted by when the client names none. */
    String defaultSort();

    /** The case types this kind belongs to. */
    default Set<String> caseTypes() {
        return Set.copyOf(LitigationService.CASE_TYPES);
    }

    /**
     * Checks {@code in} and copies it onto {@code target}; {@code creating} says whether the target
     * is new. Every problem goes to {@code checks}; the caller refuses the input when there are any
     * and the transaction rolls back whatever was copied.
     */
    void apply(T in, E target, boolean creating, Context ctx, Checks checks);

    T toRecord(E e);

    /** Refuses (with a {@link org.casework.core.api.StateException}) a record that may no longer change. */
    default void checkChangeable(E e) {
    }

    /** Runs in the same transaction once a new record is stored. */
    default void created(E e, Context ctx) {
    }
}
