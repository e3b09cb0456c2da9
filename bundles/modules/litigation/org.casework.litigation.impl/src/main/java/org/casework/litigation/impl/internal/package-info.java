/** Litigation's services, A-Number index and REST resource. */
package org.casework.litigation.impl.internal;
