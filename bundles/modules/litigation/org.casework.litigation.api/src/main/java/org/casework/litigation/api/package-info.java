/**
 * Litigation: immigration court cases keyed by A-Number, federal court litigation and
 * administrative cases, with their hearings and due dates.
 */
@Export
@Version("1.0.0")
package org.casework.litigation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
