package org.casework.litigation.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code lit_case}: litigation's copy of what it lists its cases by (attorney, office, state). */
@Entity
@Table(name = "lit_case")
public class LitCaseEntity {

    @Id
    @Column(name = "case_id")
    private long caseId;

    @Column(name = "case_type", nullable = false, length = 64)
    private String caseType;

    @Column(name = "case_number", nullable = false, length = 64)
    private String number;

    @Column(name = "title", length = 500)
    private String title;

    @Column(name = "status", nullable = false, length = 64)
    private String status;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "assignee", length = 64)
    private String assignee;

    @Column(name = "division", length = 64)
    private String division;

    @Column(name = "created_by", length = 64)
    private String createdBy;

    @Column(name = "opened_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant openedAt;

    protected LitCaseEntity() {
        // for JPA
    }

    public LitCaseEntity(long caseId, String caseType, String createdBy, Instant openedAt) {
        this.caseId = caseId;
        this.caseType = caseType;
        this.createdBy = createdBy;
        this.openedAt = openedAt;
    }

    /** Takes the case's current state over. */
    public void update(String number, String title, String status, boolean closed, String assignee, String division) {
        this.number = number;
        this.title = title == null || title.length() <= 500 ? title : title.substring(0, 500);
        this.status = status;
        this.closed = closed;
        this.assignee = assignee;
        this.division = division;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getCaseType() {
        return caseType;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getStatus() {
        return status;
    }

    public boolean isClosed() {
        return closed;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getDivision() {
        return division;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
