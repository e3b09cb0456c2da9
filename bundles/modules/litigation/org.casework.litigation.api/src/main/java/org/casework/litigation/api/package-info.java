/**
 * Litigation: immigration court cases keyed by A-Number, federal court litigation and
 * administrative cases, with their hearings, due dates and the other repeating case records
 * ({@link org.casework.litigation.api.CaseRecordsService}); the calendar, workload views, reminders
 * and calendar feed built on them ({@link org.casework.litigation.api.CalendarService}).
 */
@Export
@Version("1.2.0")
package org.casework.litigation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
