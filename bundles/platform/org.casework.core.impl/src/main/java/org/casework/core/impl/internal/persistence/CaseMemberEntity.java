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

/** One person working on a case in one role. */
@Entity
@Table(name = "cw_case_member")
public class CaseMemberEntity {

    @Id
    @SequenceGenerator(name = "cw_core_seq", sequenceName = "cw_core_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_core_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "person", nullable = false, length = 64)
    private String person;

    @Column(name = "member_role", nullable = false, length = 40)
    private String role;

    @Convert(converter = InstantConverter.class)
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    public CaseMemberEntity() {
    }

    public CaseMemberEntity(long caseId, String person, String role, Instant addedAt, String addedBy) {
        this.caseId = caseId;
        this.person = person;
        this.role = role;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getPerson() {
        return person;
    }

    public String getRole() {
        return role;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public String getAddedBy() {
        return addedBy;
    }
}
