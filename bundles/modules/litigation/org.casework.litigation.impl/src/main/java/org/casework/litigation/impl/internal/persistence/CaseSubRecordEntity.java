package org.casework.litigation.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.SequenceGenerator;
import javax.persistence.Version;

import org.casework.persistence.jpa.InstantConverter;

/** The columns every repeating case record shares: id, case, optimistic-lock version and stamps. */
@MappedSuperclass
public abstract class CaseSubRecordEntity {

    @Id
    @SequenceGenerator(name = "lit_record_seq", sequenceName = "lit_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lit_record_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    /** Stamps a new record. */
    public void created(long caseId, Instant at, String by) {
        this.caseId = caseId;
        this.createdAt = at;
        this.createdBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Stamps a change. */
    public void updated(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
