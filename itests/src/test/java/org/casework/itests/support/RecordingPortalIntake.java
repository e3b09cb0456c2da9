package org.casework.itests.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A stand-in for the complaints module behind the portal, for portal tests only: it keeps what
 * it receives, numbers it {@code TEST-<n>}, and refuses, as the real intake does, a complaint
 * without consent, with a malformed A-Number or without the detainee's name. Registered from a
 * test through the injected BundleContext, or as its own bundle's activator in browser tests.
 */
public class RecordingPortalIntake implements PortalIntake, BundleActivator {

    private final AtomicInteger numbers = new AtomicInteger();
    private final List<PortalSubmission> received = Collections.synchronizedList(new ArrayList<>());
    private ServiceRegistration<PortalIntake> registration;

    @Override
    public PortalReceipt submit(PortalSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        if (!submission.consentToInvestigate()) {
            errors.add(new FieldError("consent", "consent", "Consent to investigate is required."));
        }
        Object aNumber = submission.fields().get("aNumber");
        if (aNumber != null) {
            String digits = aNumber.toString().replaceFirst("^[Aa]", "").replace("-", "").replace(" ", "");
            if (!digits.matches("\\d{7,9}")) {
                errors.add(new FieldError("fields.aNumber", "aNumber", "An A-Number has 7 to 9 digits."));
            }
        }
        Object detainee = submission.fields().get("detainee");
        if (!(detainee instanceof Map<?, ?> person) || person.get("fullName") == null) {
            errors.add(new FieldError("fields.detainee.fullName", "required", "The detainee's name is required."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        received.add(submission);
        boolean emailed = !submission.anonymous() && submission.fields().get("submitterEmail") != null;
        return new PortalReceipt(String.format("TEST-%06d", numbers.incrementAndGet()), emailed);
    }

    /** What reached this intake, oldest first. */
    public List<PortalSubmission> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void start(BundleContext context) {
        registration = context.registerService(PortalIntake.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
