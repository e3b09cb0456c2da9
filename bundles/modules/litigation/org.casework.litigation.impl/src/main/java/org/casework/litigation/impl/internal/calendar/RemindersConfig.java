package org.casework.litigation.impl.internal.calendar;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Reminders before due dates, PID {@code org.casework.litigation.reminders} (etc/org.casework.litigation.reminders.cfg). */
@ObjectClassDefinition(name = "Casework litigation reminders")
public @interface RemindersConfig {

    /** The configuration PID. */
    String PID = "org.casework.litigation.reminders";

    @AttributeDefinition(name = "Days before",
            description = "How many days before a due date its attorney is reminded, comma-separated, e.g. 7,1; "
                    + "each reminder is sent once")
    String daysBefore() default "7,1";

    @AttributeDefinition(name = "E-mail", description = "Also send each reminder by e-mail (the console list always "
            + "has it)")
    boolean email() default true;

    @AttributeDefinition(name = "Check interval (minutes)", description = "How often due reminders are looked for")
    int checkMinutes() default 60;
}
