package org.casework.complaints.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the store hands out: plain records, never entities. */
public final class Rows {

    private Rows() {
    }

    /** The module's view of one complaint. */
    public record Complaint(long caseId, String caseNumber, String status, boolean closed, String assignee,
            String createdBy, String ownerDivision, String channel, boolean emergency, Instant receivedAt,
            String aNumber, LocalDate dateOfBirth, List<String> detaineeNames, String privacyVersion,
            Instant privacyAcceptedAt, LocalDate destructionDue, Instant destroyedAt, String destroyedBy,
            String destructionNote, String triageOutcome, String referredTo, String triageNote, String triagedBy,
            Instant triagedAt, String resolutionOutcome, Instant resolvedAt) {
    }

    /** A detainee as indexed for prior-complaint matching. */
    public record IndexedPerson(long caseId, String aNumber, LocalDate dateOfBirth, List<String> names) {
    }

    /** One contact with an agency or office. */
    public record Engagement(long id, long caseId, Instant contactedAt, String party, String channel, String summary,
            LocalDate followUpOn, Instant remindedAt, String recordedBy, Instant recordedAt) {
    }

    /** One thing sent about a complaint. */
    public record Correspondence(long id, long caseId, Instant sentAt, String recipientKind, String medium,
            String recipient, String subject, Long attachmentId, String recordedBy) {
    }

    /** A complaint category. */
    public record Category(String key, String label, boolean active, boolean builtIn) {
    }

    /** One page of case ids, with how many match in all. */
    public record IdPage(List<Complaint> items, long total) {
    }
}
