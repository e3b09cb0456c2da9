/**
 * The reference list of detention facilities and of the points of contact at ICE and CBP
 * facilities, kept by administrators and read by the complaints and inspections modules.
 */
@Export
@Version("1.1.0")
package org.casework.facilities.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
