package org.casework.security.impl.internal.persistence;

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

/** A row of {@code cw_user_training}: one recorded completion of a course. */
@Entity
@Table(name = "cw_user_training")
public class UserTrainingEntity {

    @Id
    @SequenceGenerator(name = "cw_user_training_seq", sequenceName = "cw_user_training_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_user_training_seq")
    private Long id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "course", nullable = false, length = 64)
    private String course;

    @Column(name = "completed_on", nullable = false)
    private LocalDate completedOn;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant recordedAt;

    @Column(name = "note", length = 1000)
    private String note;

    protected UserTrainingEntity() {
        // for JPA
    }

    public UserTrainingEntity(String username, String course, LocalDate completedOn,
            LocalDate validUntil, String recordedBy, Instant recordedAt, String note) {
        this.username = username;
        this.course = course;
        this.completedOn = completedOn;
        this.validUntil = validUntil;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getCourse() {
        return course;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getNote() {
        return note;
    }
}
