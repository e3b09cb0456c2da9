package org.casework.litigation.api;

import java.time.Instant;
import java.util.List;

/**
 * A person in a case besides the respondent, with business contact details. A new
 * {@code fullName} never replaces the old one: the old name joins {@code aliases}, and aliases
 * once recorded are kept whatever a client sends.
 *
 * @param role one of {@link CaseRecordsService#PERSON_ROLES}
 * @param organisation the firm, agency or court, or null
 */
public record CasePerson(Long id, long caseId, Long version, String role, String fullName, List<String> aliases,
        String organisation, String businessAddress, String businessPhone, String businessEmail,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) implements CaseSubRecord {
}
