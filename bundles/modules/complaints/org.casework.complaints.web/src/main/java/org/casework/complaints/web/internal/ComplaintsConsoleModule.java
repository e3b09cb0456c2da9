package org.casework.complaints.web.internal;

import java.util.Map;

import org.casework.core.api.spi.ConsoleModule;
import org.osgi.service.component.annotations.Component;

/**
 * The complaints module's entry in the console's navigation: the work queues, from which intake
 * and each complaint's work page are reached. Registered by this bundle, not by the module's
 * implementation, so an office that installs the module without its pages gets no entry leading
 * nowhere; the generic case pages ({@code #/cases/complaint}) are listed either way.
 */
@Component(service = ConsoleModule.class)
public class ComplaintsConsoleModule implements ConsoleModule {

    static final String KEY = "complaints";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "Complaint queues and intake";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", label(), "es", "Colas y registro de quejas");
    }

    @Override
    public String entryPath() {
        return "#/m/" + KEY;
    }

    @Override
    public int order() {
        return 19;
    }
}
