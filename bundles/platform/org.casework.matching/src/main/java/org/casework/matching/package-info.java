/**
 * Finding the same person under different spellings: blocking keys to index people by, and a
 * comparison that says why two records may name the same person. A library without services; any
 * module that must find prior records about a person (complaints triage, litigation duplicate
 * checks, stakeholders) uses it.
 */
@Export
@Version("1.1.0")
package org.casework.matching;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
