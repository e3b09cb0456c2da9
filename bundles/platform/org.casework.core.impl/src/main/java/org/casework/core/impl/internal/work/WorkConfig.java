package org.casework.core.impl.internal.work;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of work on cases (PID {@value #PID}); read again on change. */
@ObjectClassDefinition(name = "Casework work on cases",
        description = "Time entries, case team roles and case event kinds, for every case type")
public @interface WorkConfig {

    String PID = "org.casework.core.work";

    @AttributeDefinition(name = "Rolling lock (days)",
            description = "Time entries dated this many days before today or earlier are frozen, besides the "
                    + "lock date a manager sets; 0 turns the rolling lock off")
    int timeEntryLockDays() default 0;

    @AttributeDefinition(name = "Case team roles", description = "The roles a person may hold on a case")
    String[] memberRoles() default {"lead", "member", "reviewer"};

    @AttributeDefinition(name = "Case event kinds", description = "The kinds of dated event a case may record")
    String[] eventKinds() default {"meeting", "deadline", "milestone", "briefing", "correspondence", "other"};
}
