package org.casework.core.impl.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.casework.core.api.spi.CaseType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the case types whose bundles are running, so types appear and vanish with their modules. */
@Component(service = CaseTypeRegistry.class)
public class CaseTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CaseTypeRegistry.class);

    private final Map<String, CaseType> types = new ConcurrentHashMap<>();

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
}
