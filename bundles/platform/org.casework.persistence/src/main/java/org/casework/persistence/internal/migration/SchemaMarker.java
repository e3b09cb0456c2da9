package org.casework.persistence.internal.migration;

import org.casework.persistence.api.MigratedSchema;

/** The {@link MigratedSchema} service the extender registers on behalf of a migrated bundle. */
record SchemaMarker(String bundleSymbolicName, int version, String databaseProduct) implements MigratedSchema {
}
