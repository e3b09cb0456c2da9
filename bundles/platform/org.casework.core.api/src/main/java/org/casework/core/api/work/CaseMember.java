package org.casework.core.api.work;

import java.time.Instant;

/**
 * One person working on a case in one role, beside the case's single assignee.
 *
 * @param role one of the configured member roles, as shipped {@code lead}, {@code member},
 *     {@code reviewer}
 */
public record CaseMember(long id, long caseId, String person, String role, Instant addedAt, String addedBy) {
}
