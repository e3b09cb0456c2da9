package org.casework.security.impl.internal.profile;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of {@code etc/org.casework.security.training.cfg}; read again on change. The courses
 * themselves are keys of the form {@code course.<key>.title}, {@code course.<key>.validityMonths}
 * and {@code course.<key>.mandatory}, which a fixed attribute list cannot describe (see
 * {@link TrainingCatalogue}).
 */
@ObjectClassDefinition(name = "Casework trainings",
        description = "The training catalogue and when staff are warned about expiring trainings.")
public @interface TrainingConfig {

    /** The configuration PID. */
    String PID = "org.casework.security.training";

    @AttributeDefinition(name = "Warn days before expiry", min = "0",
            description = "How many days before a mandatory training expires the person and "
                    + "their manager see a warning.")
    int warnDaysBeforeExpiry() default 30;
}
