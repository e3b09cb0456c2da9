package org.casework.complaints.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code cmp_engagement}: one contact with an agency or office about a complaint. */
@Entity
@Table(name = "cmp_engagement")
class EngagementEntity {

    @Id
    @SequenceGenerator(name = "cmp_engagement_seq", sequenceName = "cmp_engagement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_engagement_seq")
    Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "contacted_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant contactedAt;

    @Column(name = "party", nullable = false, length = 200)
    String party;

    @Column(name = "channel", nullable = false, length = 20)
    String channel;

    @Column(name = "summary", nullable = false, length = 4000)
    String summary;

    @Column(name = "follow_up_on")
    LocalDate followUpOn;

    @Column(name = "reminded_at")
    @Convert(converter = InstantConverter.class)
    Instant remindedAt;

    @Column(name = "recorded_by", nullable = false, length = 64)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant recordedAt;
}
