package org.casework.core.impl.internal.persistence;

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

/** A link from one case to another; read from both ends. */
@Entity
@Table(name = "cw_case_link")
public class LinkEntity {

    @Id
    @SequenceGenerator(name = "cw_core_seq", sequenceName = "cw_core_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_core_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "other_case_id", nullable = false)
    private long otherCaseId;

    @Column(name = "relation", nullable = false, length = 40)
    private String relation;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    public LinkEntity() {
    }

    public LinkEntity(long caseId, long otherCaseId, String relation, Instant createdAt,
            String createdBy) {
        this.caseId = caseId;
        this.otherCaseId = otherCaseId;
        this.relation = relation;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public long getOtherCaseId() {
        return otherCaseId;
    }

    public String getRelation() {
        return relation;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
