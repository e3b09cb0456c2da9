package org.casework.audit.impl.internal.persistence;

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

/** One audit entry as stored; inserted once, never changed. */
@Entity
@Table(name = "cw_audit_entry")
public class AuditEntryEntity {

    @Id
    @SequenceGenerator(name = "cw_audit_seq", sequenceName = "cw_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_audit_seq")
    private Long id;

    @Convert(converter = InstantConverter.class)
    @Column(name = "at_time", nullable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, length = 64)
    private String actor;

    @Column(name = "system_caller", nullable = false)
    private boolean systemCaller;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "action", nullable = false, length = 40)
    private String action;

    @Column(name = "record_type", length = 64)
    private String recordType;

    @Column(name = "record_id", length = 64)
    private String recordId;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "changes", length = 32000)
    private String changes;

    @Column(name = "detail", length = 2000)
    private String detail;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String entryHash;

    public AuditEntryEntity() {
    }

    public AuditEntryEntity(Instant at, String actor, boolean systemCaller, String remoteAddress,
            String action, String recordType, String recordId, String outcome, String changes,
            String detail) {
        this.at = at;
        this.actor = actor;
        this.systemCaller = systemCaller;
        this.remoteAddress = remoteAddress;
        this.action = action;
        this.recordType = recordType;
        this.recordId = recordId;
        this.outcome = outcome;
        this.changes = changes;
        this.detail = detail;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public boolean isSystemCaller() { return systemCaller; }
    public String getRemoteAddress() { return remoteAddress; }
    public String getAction() { return action; }
    public String getRecordType() { return recordType; }
    public String getRecordId() { return recordId; }
    public String getOutcome() { return outcome; }
    public String getChanges() { return changes; }
    public String getDetail() { return detail; }
    public String getEntryHash() { return entryHash; }

    public void setEntryHash(String entryHash) {
        this.entryHash = entryHash;
    }
}
