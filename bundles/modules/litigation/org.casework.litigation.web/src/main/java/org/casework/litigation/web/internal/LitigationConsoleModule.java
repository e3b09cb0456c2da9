package org.casework.litigation.web.internal;

import java.util.Map;
import java.util.Set;

import org.casework.core.api.spi.ConsoleModule;
import org.osgi.service.component.annotations.Component;

/**
 * The litigation calendar's entry in the console's navigation, from which the reminders and the
 * calendar feed are reached too, and the section of litigation case records on the generic case
 * page of the three litigation case types. Shown to whoever may read one of the litigation case types, the
 * same permissions the calendar's REST resource asks for; registered by this bundle so that a
 * node running the module without its pages gets no entry leading nowhere.
 */
@Component(service = ConsoleModule.class)
public class LitigationConsoleModule implements ConsoleModule {

    static final String KEY = "litigation";

    /** Reading any litigation case type opens the calendar (need-to-know narrows its entries). */
    static final Set<String> READ_ANY_CASE = Set.of("case.immigration-case:read", "case.federal-litigation:read",
            "case.administrative-case:read");

    /** The case types whose records the section lists (see pages.js, caseSection). */
    static final Set<String> CASE_TYPES = Set.of("immigration-case", "federal-litigation", "administrative-case");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Litigation calendar";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", label(), "es", "Calendario de litigios");
    }

    @Override
    public String entryPath() {
        return "#/m/" + KEY;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<String> requiredPermissions() {
        return READ_ANY_CASE;
    }

    @Override
    public Set<String> caseSections() {
        return CASE_TYPES;
    }
}
