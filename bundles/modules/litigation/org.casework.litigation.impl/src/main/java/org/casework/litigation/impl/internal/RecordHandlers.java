package org.casework.litigation.impl.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.CaseService;
import org.casework.core.api.StateException;
import org.casework.litigation.api.AFileTransfer;
import org.casework.litigation.api.CaseDocument;
import org.casework.litigation.api.CasePerson;
import org.casework.litigation.api.CaseRecordsService;
import org.casework.litigation.api.ImmigrationApplication;
import org.casework.litigation.api.LegalMemorandum;
import org.casework.litigation.api.LitigationService;
import org.casework.litigation.api.PhaseNote;
import org.casework.litigation.api.ProceedingAction;
import org.casework.litigation.api.RecordKind;
import org.casework.litigation.api.VisaRecord;
import org.casework.litigation.impl.internal.persistence.AFileTransferEntity;
import org.casework.litigation.impl.internal.persistence.ApplicationEntity;
import org.casework.litigation.impl.internal.persistence.DocumentEntity;
import org.casework.litigation.impl.internal.persistence.MemorandumEntity;
import org.casework.litigation.impl.internal.persistence.PersonEntity;
import org.casework.litigation.impl.internal.persistence.PhaseNoteEntity;
import org.casework.litigation.impl.internal.persistence.ProceedingActionEntity;
import org.casework.litigation.impl.internal.persistence.VisaEntity;

/** The rules and mappings of each kind of case record. */
final class RecordHandlers {

    static final int TEXT = 200;
    static final int MAX_ALIASES = 50;
    static final int MAX_NOTE = 10_000;
    static final int MAX_MEMO = 100_000;

    private RecordHandlers() {
    }

    /** A handler for every kind; the A-File transfers move the case's location through the engine. */
    static List<RecordHandler<?, ?>> all(CaseService cases) {
        return List.of(new People(), new PhaseNotes(), new Memoranda(), new Actions(), new AFileTransfers(cases),
                new Applications(), new Visas(), new Documents());
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    // ---- people ------------------------------------------------------------------------------

    /**
     * People in the case. A name is never overwritten: a changed {@code fullName} moves the old
     * one into the aliases, and aliases once stored stay whatever the client sends.
     */
    static final class People implements RecordHandler<CasePerson, PersonEntity> {

        @Override
        public RecordKind<CasePerson> kind() {
            return RecordKind.PEOPLE;
        }

        @Override
        public Class<PersonEntity> entityClass() {
            return PersonEntity.class;
        }

        @Override
        public PersonEntity newEntity() {
            return new PersonEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("fullName", "e.fullName", "role", "e.role", "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void apply(CasePerson in, PersonEntity e, boolean creating, Context ctx, Checks checks) {
            String role = checks.option("role", in.role(), CaseRecordsService.PERSON_ROLES, null);
            String name = checks.required("fullName", in.fullName(), TEXT, "person's full name");
            Set<String> aliases = new LinkedHashSet<>(split(e.getAliases()));
            if (!creating && name != null && !name.equals(e.getFullName())) {
                aliases.add(e.getFullName());
            }
            List<String> given = in.aliases() == null ? List.of() : in.aliases();
            for (int i = 0; i < given.size(); i++) {
                String a = checks.text("aliases[" + i + "]", given.get(i), TEXT);
                if (a != null) {
                    aliases.add(a);
                }
            }
            aliases.remove(name);
            if (aliases.size() > MAX_ALIASES) {
                checks.add("aliases", "maxItems", "A person may have at most " + MAX_ALIASES + " aliases.");
            }
            e.setRole(role);
            e.setFullName(name);
            e.setAliases(aliases.isEmpty() ? null : String.join("\n", aliases));
            e.setOrganisation(checks.text("organisation", in.organisation(), TEXT));
            e.setBusinessAddress(checks.longText("businessAddress", in.businessAddress(), 500));
            e.setBusinessPhone(checks.phone("businessPhone", in.businessPhone()));
            e.setBusinessEmail(checks.email("businessEmail", in.businessEmail()));
        }

        @Override
        public CasePerson toRecord(PersonEntity e) {
            return new CasePerson(e.getId(), e.getCaseId(), e.getVersion(), e.getRole(), e.getFullName(),
                    split(e.getAliases()), e.getOrganisation(), e.getBusinessAddress(), e.getBusinessPhone(),
                    e.getBusinessEmail(), e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
        }

        private static List<String> split(String aliases) {
            return aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\n"));
        }
    }

    // ---- notes by phase ----------------------------------------------------------------------

    static final class PhaseNotes implements RecordHandler<PhaseNote, PhaseNoteEntity> {

        @Override
        public RecordKind<PhaseNote> kind() {
            return RecordKind.PHASE_NOTES;
        }

        @Override
        public Class<PhaseNoteEntity> entityClass() {
            return PhaseNoteEntity.class;
        }

        @Override
        public PhaseNoteEntity newEntity() {
            return new PhaseNoteEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("phase", "e.phase", "createdAt", "e.createdAt", "updatedAt", "e.updatedAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void apply(PhaseNote in, PhaseNoteEntity e, boolean creating, Context ctx, Checks checks) {
            e.setPhase(checks.option("phase", in.phase(), CaseRecordsService.PHASES, null));
            e.setBody(checks.requiredLong("text", in.text(), MAX_NOTE, "note's text"));
        }

        @Override
        public PhaseNote toRecord(PhaseNoteEntity e) {
            return new PhaseNote(e.getId(), e.getCaseId(), e.getVersion(), e.getPhase(), e.getBody(),
                    e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
        }
    }

    // ---- memoranda ---------------------------------------------------------------------------

    /** Memoranda: a draft may change and become final; a final one is the office's record and stays. */
    static final class Memoranda implements RecordHandler<LegalMemorandum, MemorandumEntity> {

        @Override
        public RecordKind<LegalMemorandum> kind() {
            return RecordKind.MEMORANDA;
        }

        @Override
        public Class<MemorandumEntity> entityClass() {
            return MemorandumEntity.class;
        }

        @Override
        public MemorandumEntity newEntity() {
            return new MemorandumEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("title", "e.title", "status", "e.status", "createdAt", "e.createdAt",
                    "updatedAt", "e.updatedAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void checkChangeable(MemorandumEntity e) {
            if ("FINAL".equals(e.getStatus())) {
                throw new StateException("status", "final",
                        "This memorandum is final: it can no longer be changed or removed. Write a new one instead.");
            }
        }

        @Override
        public void apply(LegalMemorandum in, MemorandumEntity e, boolean creating, Context ctx, Checks checks) {
            String title = checks.required("title", in.title(), TEXT, "memorandum's title");
            String body = checks.longText("body", in.body(), MAX_MEMO);
            Long attachment = in.attachmentId();
            if (attachment != null && !ctx.attachmentIds().get().contains(attachment)) {
                checks.add("attachmentId", "reference", "The case has no attachment " + attachment + ".");
            }
            if ((in.body() == null || in.body().isBlank()) && attachment == null) {
                checks.add("body", "required", "Write the memorandum, or attach its file to the case and give "
                        + "its attachmentId.");
            }
            String status = checks.option("status", in.status(), CaseRecordsService.MEMO_STATUSES, "DRAFT");
            e.setTitle(title);
            e.setBody(body);
            e.setAttachmentId(attachment);
            e.setStatus(status);
            if ("FINAL".equals(status)) {
                e.setFinalizedAt(ctx.now());
                e.setFinalizedBy(ctx.caller().username());
            }
        }

        @Override
        public LegalMemorandum toRecord(MemorandumEntity e) {
            return new LegalMemorandum(e.getId(), e.getCaseId(), e.getVersion(), e.getTitle(), e.getBody(),
                    e.getAttachmentId(), e.getStatus(), e.getFinalizedAt(), e.getFinalizedBy(), e.getCreatedAt(),
                    e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
        }
    }

    // ---- actions and dispositions ------------------------------------------------------------

    static final class Actions implements RecordHandler<ProceedingAction, ProceedingActionEntity> {

        @Override
        public RecordKind<ProceedingAction> kind() {
            return RecordKind.ACTIONS;
        }

        @Override
        public Class<ProceedingActionEntity> entityClass() {
            return ProceedingActionEntity.class;
        }

        @Override
        public ProceedingActionEntity newEntity() {
            return new ProceedingActionEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("date", "e.date", "level", "e.level", "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "date";
        }

        @Override
        public void apply(ProceedingAction in, ProceedingActionEntity e, boolean creating, Context ctx,
                Checks checks) {
            e.setLevel(checks.option("level", in.level(), CaseRecordsService.LEVELS, null));
            e.setDate(checks.date("date", in.date(), true, true));
            e.setAction(checks.required("action", in.action(), 500, "action taken"));
            e.setDisposition(checks.text("disposition", in.disposition(), 500));
            e.setDecisionMaker(checks.text("decisionMaker", in.decisionMaker(), TEXT));
        }

        @Override
        public ProceedingAction toRecord(ProceedingActionEntity e) {
            return new ProceedingAction(e.getId(), e.getCaseId(), e.getVersion(), e.getLevel(), str(e.getDate()),
                    e.getAction(), e.getDisposition(), e.getDecisionMaker(), e.getCreatedAt(), e.getCreatedBy(),
                    e.getUpdatedAt(), e.getUpdatedBy());
        }
    }

    // ---- A-File transfers --------------------------------------------------------------------

    /**
     * A-File transfers: history, never changed; each one moves the case's {@code aFileLocation}
     * through the engine in the same transaction, so the case's own history shows the move too.
     */
    static final class AFileTransfers implements RecordHandler<AFileTransfer, AFileTransferEntity> {

        static final String LOCATION = "aFileLocation";
        private final CaseService cases;

        AFileTransfers(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public RecordKind<AFileTransfer> kind() {
            return RecordKind.A_FILE_TRANSFERS;
        }

        @Override
        public Class<AFileTransferEntity> entityClass() {
            return AFileTransferEntity.class;
        }

        @Override
        public AFileTransferEntity newEntity() {
            return new AFileTransferEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("date", "e.date", "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "date";
        }

        @Override
        public Set<String> caseTypes() {
            return Set.of(LitigationService.IMMIGRATION);
        }

        @Override
        public void checkChangeable(AFileTransferEntity e) {
            throw new StateException("id", "history", "An A-File transfer is history and cannot be changed or "
                    + "removed; record a further transfer to correct the location.");
        }

        @Override
        public void apply(AFileTransfer in, AFileTransferEntity e, boolean creating, Context ctx, Checks checks) {
            String to = checks.required("toLocation", in.toLocation(), TEXT, "location the A-File went to");
            String from = checks.text("fromLocation", in.fromLocation(), TEXT);
            if (from == null && ctx.kase().fields().get(LOCATION) instanceof String current && !current.isBlank()) {
                from = current;
            }
            e.setFromLocation(from);
            e.setToLocation(to);
            e.setDate(checks.date("date", in.date(), true, true));
        }

        @Override
        public void created(AFileTransferEntity e, Context ctx) {
            Map<String, Object> change = new java.util.HashMap<>();
            change.put(LOCATION, e.getToLocation());
            cases.update(ctx.caller(), ctx.kase().type(), ctx.kase().id(), ctx.kase().version(), change);
        }

        @Override
        public AFileTransfer toRecord(AFileTransferEntity e) {
            return new AFileTransfer(e.getId(), e.getCaseId(), e.getVersion(), e.getFromLocation(),
                    e.getToLocation(), str(e.getDate()), e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(),
                    e.getUpdatedBy());
        }
    }

    // ---- applications ------------------------------------------------------------------------

    static final class Applications implements RecordHandler<ImmigrationApplication, ApplicationEntity> {

        @Override
        public RecordKind<ImmigrationApplication> kind() {
            return RecordKind.APPLICATIONS;
        }

        @Override
        public Class<ApplicationEntity> entityClass() {
            return ApplicationEntity.class;
        }

        @Override
        public ApplicationEntity newEntity() {
            return new ApplicationEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("type", "e.type", "receivedDate", "e.receivedDate", "filedDate", "e.filedDate",
                    "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void apply(ImmigrationApplication in, ApplicationEntity e, boolean creating, Context ctx,
                Checks checks) {
            e.setType(checks.required("type", in.type(), 100, "application's type (form), e.g. I-589"));
            LocalDate received = checks.date("receivedDate", in.receivedDate(), false, true);
            LocalDate filed = checks.date("filedDate", in.filedDate(), false, true);
            String decision = checks.option("decision", in.decision(), CaseRecordsService.DECISIONS, "PENDING");
            LocalDate decided = checks.date("decisionDate", in.decisionDate(), false, true);
            if (decided != null && "PENDING".equals(decision)) {
                checks.add("decisionDate", "pending", "A pending application has no decision date.");
            }
            checks.notBefore("decisionDate", decided, received, "The decision cannot be before the application "
                    + "was received.");
            checks.notBefore("decisionDate", decided, filed, "The decision cannot be before the application was "
                    + "filed.");
            boolean granted = Boolean.TRUE.equals(in.workAuthorizationGranted());
            LocalDate from = checks.date("workAuthorizationFrom", in.workAuthorizationFrom(), false, false);
            LocalDate to = checks.date("workAuthorizationTo", in.workAuthorizationTo(), false, false);
            if (!granted && from != null) {
                checks.add("workAuthorizationFrom", "notGranted", "Work authorisation dates need "
                        + "workAuthorizationGranted: true.");
            }
            if (!granted && to != null) {
                checks.add("workAuthorizationTo", "notGranted", "Work authorisation dates need "
                        + "workAuthorizationGranted: true.");
            }
            checks.notBefore("workAuthorizationTo", to, from, "The work authorisation cannot end before it "
                    + "starts.");
            e.setReceivedDate(received);
            e.setFiledDate(filed);
            e.setDecision(decision);
            e.setDecisionDate(decided);
            e.setWorkAuthorizationGranted(granted);
            e.setWorkAuthorizationFrom(from);
            e.setWorkAuthorizationTo(to);
        }

        @Override
        public ImmigrationApplication toRecord(ApplicationEntity e) {
            return new ImmigrationApplication(e.getId(), e.getCaseId(), e.getVersion(), e.getType(),
                    str(e.getReceivedDate()), str(e.getFiledDate()), e.getDecision(), str(e.getDecisionDate()),
                    e.isWorkAuthorizationGranted(), str(e.getWorkAuthorizationFrom()),
                    str(e.getWorkAuthorizationTo()), e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(),
                    e.getUpdatedBy());
        }
    }

    // ---- visas -------------------------------------------------------------------------------

    static final class Visas implements RecordHandler<VisaRecord, VisaEntity> {

        @Override
        public RecordKind<VisaRecord> kind() {
            return RecordKind.VISAS;
        }

        @Override
        public Class<VisaEntity> entityClass() {
            return VisaEntity.class;
        }

        @Override
        public VisaEntity newEntity() {
            return new VisaEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("visaType", "e.visaType", "applicationDate", "e.applicationDate", "issueDate",
                    "e.issueDate", "expiryDate", "e.expiryDate", "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void apply(VisaRecord in, VisaEntity e, boolean creating, Context ctx, Checks checks) {
            e.setVisaType(checks.required("visaType", in.visaType(), 40, "visa class, e.g. B-2"));
            String status = checks.option("status", in.status(), CaseRecordsService.VISA_STATUSES, "APPLIED");
            e.setVisaNumber(checks.text("visaNumber", in.visaNumber(), 40));
            LocalDate applied = checks.date("applicationDate", in.applicationDate(), false, true);
            LocalDate issued = checks.date("issueDate", in.issueDate(), false, true);
            LocalDate expires = checks.date("expiryDate", in.expiryDate(), false, false);
            if ("ISSUED".equals(status) && issued == null && (in.issueDate() == null || in.issueDate().isBlank())) {
                checks.add("issueDate", "required", "An issued visa needs its issue date.");
            }
            checks.notBefore("issueDate", issued, applied, "A visa cannot be issued before it was applied for.");
            checks.notBefore("expiryDate", expires, issued, "A visa cannot expire before it was issued.");
            e.setStatus(status);
            e.setApplicationDate(applied);
            e.setIssueDate(issued);
            e.setExpiryDate(expires);
        }

        @Override
        public VisaRecord toRecord(VisaEntity e) {
            return new VisaRecord(e.getId(), e.getCaseId(), e.getVersion(), e.getVisaType(), e.getStatus(),
                    e.getVisaNumber(), str(e.getApplicationDate()), str(e.getIssueDate()), str(e.getExpiryDate()),
                    e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
        }
    }

    // ---- documents ---------------------------------------------------------------------------

    /** Engine attachments filed as charging documents, evidence or court filings; one filing each. */
    static final class Documents implements RecordHandler<CaseDocument, DocumentEntity> {

        @Override
        public RecordKind<CaseDocument> kind() {
            return RecordKind.DOCUMENTS;
        }

        @Override
        public Class<DocumentEntity> entityClass() {
            return DocumentEntity.class;
        }

        @Override
        public DocumentEntity newEntity() {
            return new DocumentEntity();
        }

        @Override
        public Map<String, String> sorts() {
            return Map.of("category", "e.category", "title", "e.title", "filedDate", "e.filedDate",
                    "createdAt", "e.createdAt");
        }

        @Override
        public String defaultSort() {
            return "createdAt";
        }

        @Override
        public void apply(CaseDocument in, DocumentEntity e, boolean creating, Context ctx, Checks checks) {
            Long attachment = in.attachmentId();
            if (attachment == null) {
                checks.add("attachmentId", "required", "Attach the file to the case first and give its "
                        + "attachmentId.");
            } else if (!ctx.attachmentIds().get().contains(attachment)) {
                checks.add("attachmentId", "reference", "The case has no attachment " + attachment + ".");
            } else if (attachment != e.getAttachmentId()) {
                long filed = ctx.em().createQuery("SELECT COUNT(d) FROM DocumentEntity d WHERE d.attachmentId = :a",
                        Long.class).setParameter("a", attachment).getSingleResult();
                if (filed > 0) {
                    checks.add("attachmentId", "duplicate", "This attachment is already filed; change that "
                            + "filing instead.");
                }
            }
            e.setCategory(checks.option("category", in.category(), CaseRecordsService.DOCUMENT_CATEGORIES, null));
            e.setTitle(checks.text("title", in.title(), TEXT));
            e.setFiledDate(checks.date("filedDate", in.filedDate(), false, true));
            if (attachment != null) {
                e.setAttachmentId(attachment);
            }
        }

        @Override
        public CaseDocument toRecord(DocumentEntity e) {
            return new CaseDocument(e.getId(), e.getCaseId(), e.getVersion(), e.getAttachmentId(), e.getCategory(),
                    e.getTitle(), str(e.getFiledDate()), e.getCreatedAt(), e.getCreatedBy(), e.getUpdatedAt(),
                    e.getUpdatedBy());
        }
    }
}
