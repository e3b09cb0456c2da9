package org.casework.litigation.web.internal;

import java.util.Map;
import java.util.Set;

import org.casework.core.api.spi.ConsoleModule;
import org.osgi.service.component.annotations.Component;

/**
 * The managers' workload page in the console's navigation, shown only to holders of
 * {@code litigation.workload:read} (the role legal-manager, administrators). The calendar pages
 * also read this entry's presence to decide whether to offer the workload tab.
 */
@Component(service = ConsoleModule.class)
public class LitigationWorkloadConsoleModule implements ConsoleModule {

    static final String KEY = "litigation-workload";

    /** The permission the workload REST resource asks for. */
    static final String WORKLOAD_READ = "litigation.workload:read";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Litigation workload";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", label(), "es", "Carga de trabajo de litigios");
    }

    @Override
    public String entryPath() {
        return "#/m/" + LitigationConsoleModule.KEY + "/workload";
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public Set<String> requiredPermissions() {
        return Set.of(WORKLOAD_READ);
    }
}
