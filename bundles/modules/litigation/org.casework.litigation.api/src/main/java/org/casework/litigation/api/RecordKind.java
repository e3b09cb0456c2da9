package org.casework.litigation.api;

import java.util.List;
import java.util.Optional;

/**
 * One kind of repeating case record, naming its record type; {@link #path()} is also its path
 * segment under {@code /api/v1/litigation/cases/{id}/}.
 *
 * @param <T> the record type
 */
public final class RecordKind<T extends CaseSubRecord> {

    /** People in the case other than the respondent: attorneys, judges, witnesses, family... */
    public static final RecordKind<CasePerson> PEOPLE = new RecordKind<>("people", "person", CasePerson.class);

    /** Notes filed by phase of the proceedings. */
    public static final RecordKind<PhaseNote> PHASE_NOTES = new RecordKind<>("phase-notes", "phase note",
            PhaseNote.class);

    /** Legal memoranda, draft or final. */
    public static final RecordKind<LegalMemorandum> MEMORANDA = new RecordKind<>("memoranda", "memorandum",
            LegalMemorandum.class);

    /** Actions and dispositions at each level of the proceedings. */
    public static final RecordKind<ProceedingAction> ACTIONS = new RecordKind<>("actions", "action",
            ProceedingAction.class);

    /** Moves of the A-File from one location to another (immigration cases only; append-only). */
    public static final RecordKind<AFileTransfer> A_FILE_TRANSFERS = new RecordKind<>("a-file-transfers",
            "A-File transfer", AFileTransfer.class);

    /** Immigration benefit applications and their work authorisation. */
    public static final RecordKind<ImmigrationApplication> APPLICATIONS = new RecordKind<>("applications",
            "application", ImmigrationApplication.class);

    /** Visa applications and the visas issued. */
    public static final RecordKind<VisaRecord> VISAS = new RecordKind<>("visas", "visa", VisaRecord.class);

    /** Engine attachments filed as charging documents, evidence or court filings. */
    public static final RecordKind<CaseDocument> DOCUMENTS = new RecordKind<>("documents", "document",
            CaseDocument.class);

    /** Every kind, in the order a case page shows them. */
    public static final List<RecordKind<?>> ALL = List.of(PEOPLE, PHASE_NOTES, MEMORANDA, ACTIONS, A_FILE_TRANSFERS,
            APPLICATIONS, VISAS, DOCUMENTS);

    private final String path;
    private final String label;
    private final Class<T> type;

    private RecordKind(String path, String label, Class<T> type) {
        this.path = path;
        this.label = label;
        this.type = type;
    }

    /** The path segment, also the name used in audit details, e.g. {@code people}. */
    public String path() {
        return path;
    }

    /** One record in words, e.g. {@code person}, for messages and audit details. */
    public String label() {
        return label;
    }

    public Class<T> type() {
        return type;
    }

    /** The kind with this path segment. */
    public static Optional<RecordKind<?>> byPath(String path) {
        return ALL.stream().filter(k -> k.path.equals(path)).findFirst();
    }

    @Override
    public String toString() {
        return path;
    }
}
