/**
 * The Ombudsman's complaints module as other bundles see it. The public portal files complaints
 * through {@link org.casework.complaints.api.PortalIntake} only: a narrow door that can create a
 * complaint and learn its number, and read the list of active complaint categories, and nothing
 * else. 1.1: {@code PortalIntake#categories()}.
 */
@Export
@Version("1.1.0")
package org.casework.complaints.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
