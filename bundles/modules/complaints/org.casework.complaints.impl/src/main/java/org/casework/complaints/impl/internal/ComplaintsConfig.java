package org.casework.complaints.impl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The complaints module's settings, PID {@code org.casework.complaints} (etc/org.casework.complaints.cfg). */
@ObjectClassDefinition(name = "Casework complaints")
public @interface ComplaintsConfig {

    /** The configuration PID. */
    String PID = "org.casework.complaints";

    @AttributeDefinition(name = "Days to destroy the original",
            description = "How many days after entry the paper or e-mail original must be destroyed")
    int destructionDays() default 30;

    @AttributeDefinition(name = "Target days",
            description = "A complaint still open this many days after it arrived is overdue")
    int targetDays() default 90;

    @AttributeDefinition(name = "On-duty manager",
            description = "E-mail address told at once of every emergency complaint; empty: the log only")
    String onDutyManagerEmail() default "";

    @AttributeDefinition(name = "Follow-up reminders to",
            description = "E-mail address reminded of engagement follow-ups that fall due; empty: the on-duty "
                    + "manager, or the log only")
    String remindersTo() default "";

    @AttributeDefinition(name = "Reminder check (minutes)",
            description = "How often due follow-ups are looked for")
    int reminderCheckMinutes() default 60;

    @AttributeDefinition(name = "Triage candidates",
            description = "How many complaints sharing a name key with the detainee triage compares at most, the "
                    + "likeliest first (50 to 2000; same A-Number always compared). Fewer: faster lookups, older "
                    + "complaints without a date of birth compared less")
    int triageCandidates() default 500;

    @AttributeDefinition(name = "Triage newest per key",
            description = "How many of the newest complaints without a date of birth each name key adds to the "
                    + "candidates (10 to 1000)")
    int triageNewestPerKey() default org.casework.complaints.impl.internal.persistence.ComplaintStore.NEWEST_PER_KEY;

    @AttributeDefinition(name = "Office name", description = "Signs confirmations and letters")
    String officeName() default "Office of the Immigration Detention Ombudsman";

    @AttributeDefinition(name = "How to access and correct information",
            description = "Told to every submitter in the confirmation")
    String accessAndCorrection() default "You may ask to see the information you gave us, or correct it, at any "
            + "time: contact the office by telephone, e-mail, fax or mail and quote your case number. You may also "
            + "request your records under the Freedom of Information Act, and ask for a correction under the "
            + "Privacy Act of 1974.";

    @AttributeDefinition(name = "Office contact", description = "How submitters reach the office, for confirmations")
    String officeContact() default "Telephone (202) 555-0100, e-mail ombudsman@example.gov, "
            + "mail: Office of the Immigration Detention Ombudsman, Washington, DC 20528";
}
