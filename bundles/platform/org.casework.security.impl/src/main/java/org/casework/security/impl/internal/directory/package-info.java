/** Sign-in against an LDAP directory, with directory groups mapped to Casework roles and divisions. */
package org.casework.security.impl.internal.directory;
