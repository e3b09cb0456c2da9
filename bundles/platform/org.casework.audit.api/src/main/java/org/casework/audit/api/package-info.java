/**
 * The audit trail: who did what to which record, when, from where and with what outcome. Modules
 * record through {@link org.casework.audit.api.AuditService}; auditors search and verify it.
 */
@Export
@Version("1.0.0")
package org.casework.audit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
