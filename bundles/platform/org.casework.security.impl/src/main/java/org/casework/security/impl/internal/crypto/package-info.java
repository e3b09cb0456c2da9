/** Encryption of secrets stored in the database, with a key kept outside it. */
package org.casework.security.impl.internal.crypto;
