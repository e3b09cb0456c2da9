package org.casework.complaints.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code cmp_correspondence}: one thing sent about a complaint. */
@Entity
@Table(name = "cmp_correspondence")
class CorrespondenceEntity {

    @Id
    @SequenceGenerator(name = "cmp_correspondence_seq", sequenceName = "cmp_correspondence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_correspondence_seq")
    Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "sent_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant sentAt;

    @Column(name = "recipient_kind", nullable = false, length = 20)
    String recipientKind;

    @Column(name = "medium", nullable = false, length = 20)
    String medium;

    @Column(name = "recipient", length = 320)
    String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    String subject;

    @Column(name = "attachment_id")
    Long attachmentId;

    @Column(name = "recorded_by", nullable = false, length = 64)
    String recordedBy;
}
