package org.casework.portal.internal;

import org.casework.complaints.api.PortalIntake;
import org.casework.complaints.api.PortalReceipt;
import org.casework.complaints.api.PortalSubmission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The portal's door to the complaints module. It exists only while a {@link PortalIntake} does
 * (a mandatory reference), so {@code scr:list} shows the portal unsatisfied when no complaints
 * module is installed; the web parts stay up and tell the public the form is unavailable.
 */
@Component(service = IntakeGate.class)
public class IntakeGate {

    private final PortalIntake intake;

    @Activate
    public IntakeGate(@Reference PortalIntake intake) {
        this.intake = intake;
    }

    PortalReceipt submit(PortalSubmission submission) {
        return intake.submit(submission);
    }
}
