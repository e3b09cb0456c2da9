package org.casework.facilities.impl.internal.web;

import java.util.Map;
import java.util.Set;

import org.casework.core.api.spi.ConsoleModule;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.facilities.api.FacilityService;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the facilities module to the health endpoint and puts its page in the console's
 * navigation. The entry has no required role: reading facilities is a permission several roles
 * hold ({@code facilities:read}), so the entry is shown to the callers holding that permission
 * (or {@code facilities:update}, which edits it); the page still tells a caller whose
 * permission was taken away meanwhile that they may not see the list.
 */
@Component(service = {ModuleDescriptor.class, ConsoleModule.class})
public final class FacilitiesModule implements ModuleDescriptor, ConsoleModule {

    @Override
    public String key() {
        return "facilities";
    }

    @Override
    public String name() {
        return "Facilities";
    }

    @Override
    public String label() {
        return "Facilities";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", label(), "es", "Centros");
    }

    @Override
    public Set<String> requiredPermissions() {
        return Set.of(FacilityService.READ, FacilityService.UPDATE);
    }

    @Override
    public String entryPath() {
        return "/console/facilities/index.html";
    }

    @Override
    public int order() {
        return 300;
    }
}
