package org.casework.core.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** One entry of a case's history; written in the transaction of the change it records. */
@Entity
@Table(name = "cw_case_history")
public class HistoryEntity {

    @Id
    @SequenceGenerator(name = "cw_core_seq", sequenceName = "cw_core_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_core_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "at_time", nullable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Column(name = "action", nullable = false, length = 40)
    private String action;

    @Column(name = "field_key", length = 64)
    private String fieldKey;

    @Lob
    @Column(name = "old_value")
    private String oldValue;

    @Lob
    @Column(name = "new_value")
    private String newValue;

    /** The reason of a correction, or the source of a value; null for other entries. */
    @Column(name = "detail", length = 2100)
    private String detail;

    public HistoryEntity() {
    }

    public HistoryEntity(long caseId, Instant at, String actor, String action, String fieldKey,
            String oldValue, String newValue) {
        this(caseId, at, actor, action, fieldKey, oldValue, newValue, null);
    }

    public HistoryEntity(long caseId, Instant at, String actor, String action, String fieldKey,
            String oldValue, String newValue, String detail) {
        this.detail = detail;
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fieldKey = fieldKey;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getDetail() {
        return detail;
    }
}
