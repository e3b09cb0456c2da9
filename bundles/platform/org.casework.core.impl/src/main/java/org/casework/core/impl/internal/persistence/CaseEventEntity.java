package org.casework.core.impl.internal.persistence;

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

/** A dated event in a case's life (meeting, deadline, briefing ...). */
@Entity
@Table(name = "cw_case_event")
public class CaseEventEntity {

    @Id
    @SequenceGenerator(name = "cw_core_seq", sequenceName = "cw_core_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_core_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "event_date", nullable = false)
    private LocalDate eventDate;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "description", nullable = false, length = 2000)
    private String description;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    public CaseEventEntity() {
    }

    public CaseEventEntity(long caseId, LocalDate eventDate, String kind, String description, Instant createdAt,
            String createdBy) {
        this.caseId = caseId;
        this.eventDate = eventDate;
        this.kind = kind;
        this.description = description;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public String getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
