package org.casework.litigation.impl.internal.persistence;

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

/** A row of {@code lit_due_date}: a pleading or motion due in a case. */
@Entity
@Table(name = "lit_due_date")
public class DueDateEntity {

    @Id
    @SequenceGenerator(name = "lit_due_date_seq", sequenceName = "lit_due_date_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lit_due_date_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "due_type", nullable = false, length = 32)
    private String type;

    @Column(name = "due_date", nullable = false)
    private LocalDate date;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected DueDateEntity() {
        // for JPA
    }

    public DueDateEntity(long caseId, String type, LocalDate date, String description, Instant createdAt,
            String createdBy) {
        this.caseId = caseId;
        this.type = type;
        this.date = date;
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

    public String getType() {
        return type;
    }

    public LocalDate getDate() {
        return date;
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
