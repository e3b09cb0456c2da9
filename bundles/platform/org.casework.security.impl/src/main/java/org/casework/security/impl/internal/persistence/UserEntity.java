package org.casework.security.impl.internal.persistence;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.casework.persistence.jpa.InstantConverter;

import org.casework.core.api.Caller;
import org.casework.security.api.UserAccount;

/** A row of {@code cw_user} with its roles and divisions. */
@Entity
@Table(name = "cw_user")
public class UserEntity {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "full_name", length = 200)
    private String fullName;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    /** Written by native updates only, so that failed sign-ins never bump {@link #version}. */
    @Column(name = "failed_sign_ins", nullable = false, updatable = false, insertable = false)
    private int failedSignIns;

    @Column(name = "locked_until", updatable = false, insertable = false)
    @Convert(converter = InstantConverter.class)
    private Instant lockedUntil;

    /** True for an account made from the directory: its password is checked there only. */
    @Column(name = "directory", nullable = false)
    private boolean directory;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cw_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role", length = 64)
    private Set<String> roles = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cw_user_division", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "division", length = 64)
    private Set<String> divisions = new LinkedHashSet<>();

    protected UserEntity() {
        // for JPA
    }

    public UserEntity(String username, String fullName, String email, String passwordHash,
            Set<String> roles, Set<String> divisions, boolean passwordChangeRequired,
            Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = new LinkedHashSet<>(roles);
        this.divisions = new LinkedHashSet<>(divisions);
        this.active = true;
        this.passwordChangeRequired = passwordChangeRequired;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void setPasswordChangeRequired(boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = new LinkedHashSet<>(roles);
    }

    public Set<String> getDivisions() {
        return divisions;
    }

    public void setDivisions(Set<String> divisions) {
        this.divisions = new LinkedHashSet<>(divisions);
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isDirectory() {
        return directory;
    }

    public void setDirectory(boolean directory) {
        this.directory = directory;
    }

    public long getVersion() {
        return version;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** The caller this account signs in as. */
    public Caller toCaller() {
        return new Caller(username, fullName, roles, divisions, false, passwordChangeRequired);
    }

    /** The administrators' view, without the password hash. */
    public UserAccount toAccount() {
        return new UserAccount(username, fullName, email, new TreeSet<>(roles),
                new TreeSet<>(divisions), active, passwordChangeRequired, createdAt, version,
                failedSignIns, lockedUntil);
    }
}
