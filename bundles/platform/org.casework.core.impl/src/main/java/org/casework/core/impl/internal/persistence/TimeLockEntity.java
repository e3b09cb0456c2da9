package org.casework.core.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.casework.persistence.jpa.InstantConverter;

/** The office-wide lock date of time entries, as a manager last set it (one row). */
@Entity
@Table(name = "cw_time_lock")
public class TimeLockEntity {

    /** The key of the only row. */
    public static final String OFFICE = "office";

    @Id
    @Column(name = "lock_key", length = 20)
    private String key;

    @Column(name = "lock_date")
    private LocalDate lockDate;

    @Convert(converter = InstantConverter.class)
    @Column(name = "set_at")
    private Instant setAt;

    @Column(name = "set_by", length = 64)
    private String setBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public String getKey() {
        return key;
    }

    public LocalDate getLockDate() {
        return lockDate;
    }

    public Instant getSetAt() {
        return setAt;
    }

    public String getSetBy() {
        return setBy;
    }

    public void set(LocalDate date, Instant at, String by) {
        this.lockDate = date;
        this.setAt = at;
        this.setBy = by;
    }
}
