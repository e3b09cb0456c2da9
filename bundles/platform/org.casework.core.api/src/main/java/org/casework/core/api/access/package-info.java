/**
 * Need-to-know: the one {@link org.casework.core.api.access.AccessPolicy} every module and the case
 * engine ask before showing or changing a record. A caller's permissions come from the permission
 * sets of their roles (data an administrator can inspect, not code), narrowed by a scope (every
 * record, the caller's divisions, records assigned to or created by the caller) and widened, record
 * by record, by explicit grants from the record's creator.
 */
@Export
@Version("1.0.0")
package org.casework.core.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
