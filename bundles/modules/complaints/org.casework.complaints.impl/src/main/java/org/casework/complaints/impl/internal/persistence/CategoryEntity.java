package org.casework.complaints.impl.internal.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code cmp_category}: one complaint category. */
@Entity
@Table(name = "cmp_category")
class CategoryEntity {

    @Id
    @Column(name = "category_key", length = 40)
    String key;

    @Column(name = "label", nullable = false, length = 120)
    String label;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "built_in", nullable = false)
    boolean builtIn;

    @Version
    @Column(name = "version", nullable = false)
    long version;
}
