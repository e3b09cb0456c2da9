package org.casework.core.api.spi;

import java.util.List;
import java.util.Map;

import org.casework.core.api.FieldError;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of case. A module registers one OSGi service per type, with the service property
 * {@value #PROPERTY} set to the definition's key; the engine then stores, validates, numbers,
 * lists, searches and moves cases of that type through its workflow, and the REST API and console
 * offer them. When the service goes away (the module is uninstalled) the type disappears from the
 * API and console; its stored cases stay for when it returns.
 */
@ConsumerType
public interface CaseType {

    /** The service property carrying the type key. */
    String PROPERTY = "case.type";

    /** The definition; called often, so return the same instance each time. */
    CaseTypeDefinition definition();

    /**
     * Checks that concern several fields at once, after the engine has checked each field on its
     * own. Called inside the saving transaction, on the request thread, for creates and updates;
     * must return quickly and must not write. Add an error for each broken rule.
     *
     * @param values the case's field values as they would be stored (normalised, merged)
     * @param errors where to add errors
     */
    default void validate(Map<String, Object> values, List<FieldError> errors) {
    }
}
