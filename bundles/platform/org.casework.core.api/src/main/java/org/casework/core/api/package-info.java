/**
 * The case engine as other bundles use it: {@link org.casework.core.api.CaseService}, the records
 * it returns, the caller it checks, and the errors it raises (each maps to one HTTP status).
 */
@Export
@Version("1.2.0")
package org.casework.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
