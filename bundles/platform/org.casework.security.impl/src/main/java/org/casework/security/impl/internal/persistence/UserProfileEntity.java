package org.casework.security.impl.internal.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code cw_user_profile}: what is recorded about a staff member besides the account. */
@Entity
@Table(name = "cw_user_profile")
public class UserProfileEntity {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "phone", length = 40)
    private String phone;

    @Column(name = "manager", length = 64)
    private String manager;

    /** Comma-separated {@code MON..SUN}. */
    @Column(name = "work_days", length = 27)
    private String workDays;

    @Column(name = "work_start", length = 5)
    private String workStart;

    @Column(name = "work_end", length = 5)
    private String workEnd;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserProfileEntity() {
        // for JPA
    }

    public UserProfileEntity(String username) {
        this.username = username;
    }

    public String getUsername() {
        return username;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    public String getWorkDays() {
        return workDays;
    }

    public void setWorkDays(String workDays) {
        this.workDays = workDays;
    }

    public String getWorkStart() {
        return workStart;
    }

    public void setWorkStart(String workStart) {
        this.workStart = workStart;
    }

    public String getWorkEnd() {
        return workEnd;
    }

    public void setWorkEnd(String workEnd) {
        this.workEnd = workEnd;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public long getVersion() {
        return version;
    }
}
