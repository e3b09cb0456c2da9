package org.casework.core.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;
import javax.persistence.Version;

/** One case of any type; the type-specific field values live as JSON in {@code data}. */
@Entity
@Table(name = "cw_case")
public class CaseEntity {

    @Id
    @SequenceGenerator(name = "cw_case_seq", sequenceName = "cw_case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_case_seq")
    private Long id;

    @Column(name = "case_type", nullable = false, length = 40)
    private String caseType;

    @Column(name = "case_number", nullable = false, length = 40)
    private String caseNumber;

    @Column(name = "title", length = 255)
    private String title;

    @Column(name = "status", nullable = false, length = 40)
    private String status;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "assignee", length = 64)
    private String assignee;

    @Column(name = "team", length = 64)
    private String team;

    /** The division whose members may see the case under a division-scoped permission. */
    @Column(name = "owner_division", length = 64)
    private String ownerDivision;

    @Lob
    @Column(name = "data", nullable = false)
    private String data;

    /** Provenance of the authoritative-source values, as JSON by field key; null when none. */
    @Lob
    @Column(name = "provenance")
    private String provenance;

    @Column(name = "search_text", length = 8000)
    private String searchText;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long getId() {
        return id;
    }

    public String getCaseType() {
        return caseType;
    }

    public void setCaseType(String caseType) {
        this.caseType = caseType;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isClosed() {
        return closed;
    }

    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getOwnerDivision() {
        return ownerDivision;
    }

    public void setOwnerDivision(String ownerDivision) {
        this.ownerDivision = ownerDivision;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public String getProvenance() {
        return provenance;
    }

    public void setProvenance(String provenance) {
        this.provenance = provenance;
    }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void setUpdatedBy(String updatedBy) {
        this.updatedBy = updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
