package org.casework.complaints.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Files a complaint sent through the public, unauthenticated portal. It lands in the intake queue
 * marked with the channel "web portal". The caller learns the new case number and nothing else:
 * no method here reads or changes any stored record.
 *
 * <p>Field values use the JSON shapes of the complaint case type (see
 * {@code GET /api/v1/case-types/complaint}); the implementation validates them exactly as for staff
 * intake and throws {@link org.casework.core.api.ValidationException} naming each bad field
 * ({@code fields.<key>}, {@code attachments[<i>]}, {@code privacyStatement}, {@code consent}) with
 * nothing stored. Each {@link org.casework.core.api.FieldError#rule()} is a stable rule key the
 * portal can translate.
 */
@ProviderType
public interface PortalIntake {

    /**
     * Stores the complaint, its files and the record of what the submitter accepted, in one
     * transaction, then sends the confirmation e-mail when an address was given and the complaint
     * is not anonymous.
     */
    PortalReceipt submit(PortalSubmission submission);

    /**
     * The categories a new complaint may name: the active ones, in the order staff see them. Only
     * keys and labels of the reference list, never anything about a complaint.
     *
     * @since 1.1
     */
    List<PortalCategory> categories();
}
