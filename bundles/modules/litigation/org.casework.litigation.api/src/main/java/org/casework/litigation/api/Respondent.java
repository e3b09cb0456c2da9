package org.casework.litigation.api;

import java.util.List;

/**
 * The respondent of an immigration case as the case holds it, with the age worked out from the
 * date of birth.
 *
 * @param dateOfBirth {@code yyyy-mm-dd}, or null when unknown
 * @param age whole years on the server's today (UTC), or null when the date of birth is unknown
 */
public record Respondent(long caseId, String fullName, List<String> aliases, String dateOfBirth, Integer age) {
}
