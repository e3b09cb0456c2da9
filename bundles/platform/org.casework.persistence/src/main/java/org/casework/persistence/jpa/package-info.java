/**
 * JPA helpers every bundle with a persistence unit shares. List {@link
 * org.casework.persistence.jpa.InstantConverter} in the unit's {@code persistence.xml} and name it
 * in {@code @Convert} on each {@code java.time.Instant} attribute.
 */
@Export
@Version("1.1.0")
package org.casework.persistence.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
