package org.casework.litigation.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code lit_reminder}: one reminder of a due date sent to one person. */
@Entity
@Table(name = "lit_reminder")
public class ReminderEntity {

    @Id
    @SequenceGenerator(name = "lit_reminder_seq", sequenceName = "lit_reminder_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lit_reminder_seq")
    private Long id;

    @Column(name = "due_date_id", nullable = false)
    private long dueDateId;

    @Column(name = "recipient", nullable = false, length = 64)
    private String recipient;

    @Column(name = "days_before", nullable = false)
    private int daysBefore;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "case_number", nullable = false, length = 64)
    private String caseNumber;

    @Column(name = "due_type", nullable = false, length = 32)
    private String dueType;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(name = "emailed", nullable = false)
    private boolean emailed;

    protected ReminderEntity() {
        // for JPA
    }

    public ReminderEntity(long dueDateId, String recipient, int daysBefore, long caseId, String caseNumber,
            String dueType, LocalDate dueOn, String description, Instant createdAt, boolean emailed) {
        this.dueDateId = dueDateId;
        this.recipient = recipient;
        this.daysBefore = daysBefore;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.dueType = dueType;
        this.dueOn = dueOn;
        this.description = description;
        this.createdAt = createdAt;
        this.emailed = emailed;
    }

    public Long getId() {
        return id;
    }

    public long getDueDateId() {
        return dueDateId;
    }

    public String getRecipient() {
        return recipient;
    }

    public int getDaysBefore() {
        return daysBefore;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getDueType() {
        return dueType;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isEmailed() {
        return emailed;
    }
}
