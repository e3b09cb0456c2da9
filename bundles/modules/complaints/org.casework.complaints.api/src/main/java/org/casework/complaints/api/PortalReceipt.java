package org.casework.complaints.api;

/**
 * What the portal may tell the submitter.
 *
 * @param caseNumber the new complaint's number, e.g. {@code CMP-2026-000123}
 * @param confirmationEmailed whether a confirmation e-mail is on its way
 */
public record PortalReceipt(String caseNumber, boolean confirmationEmailed) {
}
