package org.casework.core.impl.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.core.api.spi.CaseType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the case types whose bundles are running, so types appear and vanish with their modules,
 * and the modules' listeners to saved cases.
 */
@Component(service = CaseTypeRegistry.class)
public class CaseTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CaseTypeRegistry.class);

    private final Map<String, CaseType> types = new ConcurrentHashMap<>();
    private final List<Listening> listeners = new CopyOnWriteArrayList<>();

    /** A listener and the types it hears; an empty set means every type. */
    private record Listening(CaseListener listener, Set<String> types) {
        boolean hears(String type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCaseType(CaseType type, Map<String, Object> properties) {
        String key = type.definition().key();
        Object declared = properties.get(CaseType.PROPERTY);
        if (declared != null && !key.equals(declared)) {
            LOG.error("Case type service declares {}={} but its definition's key is {}; ignored",
                    CaseType.PROPERTY, declared, key);
            return;
        }
        CaseType previous = types.putIfAbsent(key, type);
        if (previous != null && previous != type) {
            LOG.error("Two bundles register case type {}; the second is ignored", key);
            return;
        }
        LOG.info("Case type {} available", key);
    }

    void removeCaseType(CaseType type) {
        types.values().remove(type);
    }

    public Optional<CaseType> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(types.get(key));
    }

    public Collection<CaseType> all() {
        return types.values();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCaseListener(CaseListener listener, Map<String, Object> properties) {
        Object declared = properties.get(CaseListener.TYPES);
        Set<String> keys;
        if (declared instanceof String one) {
            keys = Set.of(one);
        } else if (declared instanceof String[] many) {
            keys = Set.of(many);
        } else {
            keys = Set.of();
        }
        listeners.add(new Listening(listener, keys));
    }

    void removeCaseListener(CaseListener listener) {
        listeners.removeIf(l -> l.listener() == listener);
    }

    /** Tells the listeners of the event's type, in the caller's transaction; a listener's error undoes the save. */
    public void fire(CaseEvent event) {
        for (Listening l : listeners) {
            if (l.hears(event.type())) {
                l.listener().caseSaved(event);
            }
        }
    }
}
