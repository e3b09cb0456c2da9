package org.casework.core.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Announces that a module is installed. Each module's feature registers exactly one; the health
 * endpoint lists their keys, and operators see them in the console's module list.
 */
@ConsumerType
public interface ModuleDescriptor {

    /** A stable key, e.g. {@code complaints}, matching the feature name {@code casework-<key>}. */
    String key();

    /** A name for people, e.g. "Complaints". */
    String name();
}
