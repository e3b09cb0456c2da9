/**
 * Outgoing mail: modules hand a {@link org.casework.mail.api.MailMessage} to the
 * {@link org.casework.mail.api.MailService}, which delivers it in the background.
 */
@Export
@Version("1.0.0")
package org.casework.mail.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
