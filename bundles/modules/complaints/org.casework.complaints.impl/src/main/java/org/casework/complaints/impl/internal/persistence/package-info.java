/** JPA entities and queries of the complaints module's own tables; entities never leave this package. */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@Header(name = "Casework-Migrations", value = "db/migration")
package org.casework.complaints.impl.internal.persistence;

import org.osgi.annotation.bundle.Header;
