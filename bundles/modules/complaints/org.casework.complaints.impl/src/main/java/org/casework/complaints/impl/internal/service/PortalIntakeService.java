package org.casework.complaints.impl.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.casework.complaints.impl.internal.ComplaintType;
import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseService;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Files portal submissions as complaints received by "web portal", as the platform itself (the
 * portal's visitor is nobody the system knows), then confirms by e-mail. Validation is the staff
 * intake's; the privacy statement the visitor accepted is kept with the complaint.
 */
@Component(service = PortalIntake.class)
public class PortalIntakeService implements PortalIntake {

    /** The caller portal complaints are created by; they land unassigned in the intake queue. */
    static final Caller PORTAL = Caller.system("web-portal");

    private final ComplaintService complaints;
    private final CaseService cases;
    private final ComplaintStore store;
    private final AuditService audit;

    @Activate
    public PortalIntakeService(@Reference ComplaintService complaints, @Reference CaseService cases,
            @Reference ComplaintStore store, @Reference AuditService audit) {
        this.complaints = complaints;
        this.cases = cases;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public PortalReceipt submit(PortalSubmission s) {
        List<FieldError> errors = new ArrayList<>();
        if (!s.consentToInvestigate()) {
            errors.add(new FieldError("consent", "required",
                    "We can only look into a complaint you agree we may investigate and share as needed."));
        }
        if (s.privacyStatementVersion() == null || s.privacyStatementVersion().isBlank()
                || s.privacyStatementVersion().length() > 40 || s.privacyStatementAcceptedAt() == null) {
            errors.add(new FieldError("privacyStatement", "required", "Read and accept the Privacy Act Statement first."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>(s.fields());
        fields.put("channel", "WEB_PORTAL");
        fields.put("consentToInvestigate", Boolean.TRUE);
        fields.put("receivedOn", LocalDate.now(java.time.ZoneOffset.UTC).toString());
        if (s.anonymous()) {
            fields.put("anonymous", Boolean.TRUE);
        } else {
            fields.remove("anonymous");
        }
        String language = s.language() == null ? "EN" : s.language().strip().toUpperCase(Locale.ROOT);
        fields.put("language", "ES".equals(language) ? "ES" : "EN");
        Map<String, Object> prepared = complaints.prepare(fields);
        ComplaintService.Prepared p = store.inTransaction(() -> {
            CaseRecord created = cases.create(PORTAL, ComplaintType.KEY, prepared, null);
            store.recordIntake(created.id(), s.privacyStatementVersion().strip(), s.privacyStatementAcceptedAt(),
                    s.remoteAddress() == null || s.remoteAddress().length() > 64 ? null : s.remoteAddress(), null);
            complaints.attach(PORTAL, created.id(), s.uploads().stream()
                    .map(u -> new ComplaintService.Upload(u.fileName(), u.claimedContentType(), u.content())).toList());
            audit.record(PORTAL, new AuditEvent("create", ComplaintType.KEY, Long.toString(created.id()),
                    AuditEvent.SUCCESS, s.remoteAddress(), List.of(), "filed through the public portal, privacy statement "
                    + s.privacyStatementVersion().strip() + " accepted at " + s.privacyStatementAcceptedAt()));
            ComplaintService.Confirmation confirmation = s.anonymous() || created.fields().get("submitterEmail") == null
                    ? new ComplaintService.Confirmation("NONE", null, null)
                    : complaints.prepareConfirmation(PORTAL, created);
            return new ComplaintService.Prepared(created, confirmation);
        });
        complaints.afterCommit(p);
        return new PortalReceipt(p.created().number(), "EMAIL".equals(p.confirmation().medium()));
    }
}
