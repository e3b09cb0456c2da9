/**
 * Projects: tracked legal work that is not a court case (legal advice, policy reviews, budgets,
 * taskings, congressional inquiries, placeholders for immigration matters whose A-Number is not
 * known yet). Other modules use projects only through {@link org.casework.projects.api.ProjectService}.
 */
@Export
@Version("1.0.0")
package org.casework.projects.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
