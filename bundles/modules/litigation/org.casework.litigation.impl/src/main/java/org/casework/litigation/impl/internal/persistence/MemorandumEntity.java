package org.casework.litigation.impl.internal.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code lit_memorandum}: a legal memorandum, draft or final. */
@Entity
@Table(name = "lit_memorandum")
public class MemorandumEntity extends CaseSubRecordEntity {

    @Column(name = "title", length = 200)
    private String title;

    @Lob
    @Column(name = "body")
    private String body;

    @Column(name = "attachment_id")
    private Long attachmentId;

    @Column(name = "status", length = 8)
    private String status;

    @Convert(converter = InstantConverter.class)
    @Column(name = "finalized_at")
    private Instant finalizedAt;

    @Column(name = "finalized_by", length = 64)
    private String finalizedBy;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public void setAttachmentId(Long attachmentId) {
        this.attachmentId = attachmentId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getFinalizedAt() {
        return finalizedAt;
    }

    public void setFinalizedAt(Instant finalizedAt) {
        this.finalizedAt = finalizedAt;
    }

    public String getFinalizedBy() {
        return finalizedBy;
    }

    public void setFinalizedBy(String finalizedBy) {
        this.finalizedBy = finalizedBy;
    }
}
