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
import javax.persistence.Version;

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

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // The case's type, attorney, office, creator and open flag, copied here so that one office's or
    // one attorney's calendar is a range scan of one index (see CaseMirror).
    @Column(name = "case_type", length = 64)
    private String caseType;

    @Column(name = "division", length = 64)
    private String division;

    @Column(name = "assignee", length = 64)
    private String assignee;

    @Column(name = "case_creator", length = 64)
    private String caseCreator;

    @Column(name = "case_open", nullable = false)
    private boolean caseOpen = true;

    @Column(name = "completed", nullable = false)
    private boolean completed;

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

    public long getVersion() {
        return version;
    }

    public String getCaseType() {
        return caseType;
    }

    public String getDivision() {
        return division;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getCaseCreator() {
        return caseCreator;
    }

    public boolean isCaseOpen() {
        return caseOpen;
    }

    /** Copies what the calendar filters on from the case. */
    public void setCase(String caseType, String division, String assignee, String caseCreator, boolean caseOpen) {
        this.caseType = caseType;
        this.division = division;
        this.assignee = assignee;
        this.caseCreator = caseCreator;
        this.caseOpen = caseOpen;
    }

    public boolean isCompleted() {
        return completed;
    }

    public void change(String type, LocalDate date, String description, boolean completed) {
        this.type = type;
        this.date = date;
        this.description = description;
        this.completed = completed;
    }
}
