package org.casework.litigation.impl.internal.persistence;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of {@code lit_document}: an engine attachment filed under a category. */
@Entity
@Table(name = "lit_document")
public class DocumentEntity extends CaseSubRecordEntity {

    @Column(name = "attachment_id")
    private long attachmentId;

    @Column(name = "category", length = 20)
    private String category;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "filed_date")
    private LocalDate filedDate;

    public long getAttachmentId() {
        return attachmentId;
    }

    public void setAttachmentId(long attachmentId) {
        this.attachmentId = attachmentId;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getFiledDate() {
        return filedDate;
    }

    public void setFiledDate(LocalDate filedDate) {
        this.filedDate = filedDate;
    }
}
