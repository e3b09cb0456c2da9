package org.casework.security.impl.internal.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code cw_record_grant}: one record opened to one more user. */
@Entity
@Table(name = "cw_record_grant")
@IdClass(GrantEntity.Key.class)
public class GrantEntity {

    @Id
    @Column(name = "resource", length = 100)
    private String resource;

    @Id
    @Column(name = "record_id", length = 64)
    private String recordId;

    @Id
    @Column(name = "grantee", length = 64)
    private String grantee;

    @Id
    @Column(name = "action", length = 32)
    private String action;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant grantedAt;

    protected GrantEntity() {
        // for JPA
    }

    public GrantEntity(String resource, String recordId, String grantee, String action, String grantedBy,
            Instant grantedAt) {
        this.resource = resource;
        this.recordId = recordId;
        this.grantee = grantee;
        this.action = action;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public String getResource() {
        return resource;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getGrantee() {
        return grantee;
    }

    public String getAction() {
        return action;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String resource;
        private String recordId;
        private String grantee;
        private String action;

        public Key() {
            // for JPA
        }

        public Key(String resource, String recordId, String grantee, String action) {
            this.resource = resource;
            this.recordId = recordId;
            this.grantee = grantee;
            this.action = action;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(resource, k.resource) && Objects.equals(recordId, k.recordId)
                    && Objects.equals(grantee, k.grantee) && Objects.equals(action, k.action);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resource, recordId, grantee, action);
        }
    }
}
