package org.casework.security.impl.internal.persistence;

import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code cw_role} with its permission set. */
@Entity
@Table(name = "cw_role")
public class RoleEntity {

    @Id
    @Column(name = "role_key", length = 64)
    private String key;

    @Column(name = "label", nullable = false, length = 120)
    private String label;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "is_external", nullable = false)
    private boolean external;

    @Column(name = "two_factor_required", nullable = false)
    private boolean twoFactorRequired;

    @Column(name = "built_in", nullable = false, updatable = false)
    private boolean builtIn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cw_role_permission", joinColumns = @JoinColumn(name = "role_key"))
    @Column(name = "permission", length = 200)
    private Set<String> permissions = new TreeSet<>();

    protected RoleEntity() {
        // for JPA
    }

    public RoleEntity(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isExternal() {
        return external;
    }

    public void setExternal(boolean external) {
        this.external = external;
    }

    public boolean isTwoFactorRequired() {
        return twoFactorRequired;
    }

    public void setTwoFactorRequired(boolean twoFactorRequired) {
        this.twoFactorRequired = twoFactorRequired;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public long getVersion() {
        return version;
    }

    public Set<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(Set<String> permissions) {
        this.permissions = new TreeSet<>(permissions);
    }
}
