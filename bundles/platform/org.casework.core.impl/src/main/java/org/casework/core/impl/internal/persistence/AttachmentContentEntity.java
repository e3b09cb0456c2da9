package org.casework.core.impl.internal.persistence;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * The bytes of an attachment, kept apart from the case and attachment rows so that lists never
 * load them, and in the database so every node sharing it sees the same files.
 */
@Entity
@Table(name = "cw_case_attachment_content")
public class AttachmentContentEntity {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    public AttachmentContentEntity() {
    }

    public AttachmentContentEntity(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
