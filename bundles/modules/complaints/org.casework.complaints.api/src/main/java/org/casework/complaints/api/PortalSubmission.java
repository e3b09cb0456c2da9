package org.casework.complaints.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One complaint as the portal received it.
 *
 * @param fields the complaint's field values, keyed as in the complaint case type
 * @param anonymous the submitter asked not to be identified: no confirmation is sent and the
 *     submitter's identity fields are not kept
 * @param language the page language the submitter used ({@code en} or {@code es}); the
 *     confirmation is written in it
 * @param privacyStatementVersion which Privacy Act Statement was shown and accepted
 * @param privacyStatementAcceptedAt when the submitter accepted it
 * @param consentToInvestigate the submitter agreed that the office may investigate and share the
 *     complaint as needed to do so; a complaint without it is refused
 * @param remoteAddress where the submission came from, for the audit trail
 * @param uploads supporting documents
 */
public record PortalSubmission(Map<String, Object> fields, boolean anonymous, String language,
        String privacyStatementVersion, Instant privacyStatementAcceptedAt, boolean consentToInvestigate,
        String remoteAddress, List<Upload> uploads) {

    public PortalSubmission {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /**
     * A file the submitter attached.
     *
     * @param fileName the name the browser sent
     * @param claimedContentType the type the browser claimed; the stored type is detected from the bytes
     * @param content the bytes
     */
    public record Upload(String fileName, String claimedContentType, byte[] content) {
    }
}
