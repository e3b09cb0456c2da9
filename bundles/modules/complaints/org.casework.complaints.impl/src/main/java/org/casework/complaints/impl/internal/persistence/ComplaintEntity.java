package org.casework.complaints.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code cmp_complaint}: the module's view of one complaint case. */
@Entity
@Table(name = "cmp_complaint")
class ComplaintEntity {

    @Id
    @Column(name = "case_id")
    Long caseId;

    @Column(name = "case_number", nullable = false, length = 40)
    String caseNumber;

    @Column(name = "status", nullable = false, length = 40)
    String status;

    @Column(name = "closed", nullable = false)
    boolean closed;

    @Column(name = "assignee", length = 64)
    String assignee;

    @Column(name = "created_by", nullable = false, length = 64)
    String createdBy;

    @Column(name = "owner_division", length = 64)
    String ownerDivision;

    @Column(name = "channel", length = 20)
    String channel;

    @Column(name = "emergency", nullable = false)
    boolean emergency;

    @Column(name = "received_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant receivedAt;

    @Column(name = "a_number", length = 9)
    String aNumber;

    @Column(name = "date_of_birth")
    LocalDate dateOfBirth;

    @Column(name = "detainee_names", length = 4000)
    String detaineeNames;

    @Column(name = "privacy_version", length = 40)
    String privacyVersion;

    @Column(name = "privacy_accepted_at")
    @Convert(converter = InstantConverter.class)
    Instant privacyAcceptedAt;

    @Column(name = "remote_address", length = 64)
    String remoteAddress;

    @Column(name = "destruction_due")
    LocalDate destructionDue;

    @Column(name = "destroyed_at")
    @Convert(converter = InstantConverter.class)
    Instant destroyedAt;

    @Column(name = "destroyed_by", length = 64)
    String destroyedBy;

    @Column(name = "destruction_note", length = 500)
    String destructionNote;

    @Column(name = "triage_outcome", length = 20)
    String triageOutcome;

    @Column(name = "referred_to", length = 20)
    String referredTo;

    @Column(name = "triage_note", length = 2000)
    String triageNote;

    @Column(name = "triaged_by", length = 64)
    String triagedBy;

    @Column(name = "triaged_at")
    @Convert(converter = InstantConverter.class)
    Instant triagedAt;

    @Column(name = "resolution_outcome", length = 40)
    String resolutionOutcome;

    @Column(name = "resolved_at")
    @Convert(converter = InstantConverter.class)
    Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;
}
