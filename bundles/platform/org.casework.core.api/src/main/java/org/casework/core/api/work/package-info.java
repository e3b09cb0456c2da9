/**
 * Work on cases of any type, kept by the case engine beside the case: time spent per person (with
 * an office-wide lock date that freezes older entries), the people working on a case with their
 * role, dated case events, and the standard figures derived from them (case life cycle and effort
 * per case). Every service checks the caller's need-to-know on the case exactly as
 * {@link org.casework.core.api.CaseService} does: a case the caller may not read answers
 * {@link org.casework.core.api.NotFoundException}.
 */
@Export
@Version("1.0.0")
package org.casework.core.api.work;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
