/** The project case type and the project service other modules call. */
package org.casework.projects.impl.internal;
