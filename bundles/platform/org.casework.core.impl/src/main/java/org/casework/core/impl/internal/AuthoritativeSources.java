package org.casework.core.impl.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.casework.core.api.spi.AuthoritativeSource;
import org.casework.core.api.spi.FieldDefinition;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the authoritative sources whose connector bundles are running, by name, so a connector
 * installed on a running system is asked from its first moment and one removed is no longer.
 */
@Component(service = AuthoritativeSources.class)
public class AuthoritativeSources {

    private static final Logger LOG = LoggerFactory.getLogger(AuthoritativeSources.class);

    private final Map<String, AuthoritativeSource> sources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(AuthoritativeSource source, Map<String, Object> properties) {
        Object name = properties.get(AuthoritativeSource.PROPERTY);
        if (!(name instanceof String n) || !FieldDefinition.SOURCE_NAME.matcher(n).matches()) {
            LOG.error("An authoritative source service has no valid {} property ({}); ignored",
                    AuthoritativeSource.PROPERTY, name);
            return;
        }
        AuthoritativeSource previous = sources.putIfAbsent(n, source);
        if (previous != null && previous != source) {
            LOG.error("Two bundles register the authoritative source {}; the second is ignored", n);
            return;
        }
        LOG.info("Authoritative source {} available", n);
    }

    void removeSource(AuthoritativeSource source) {
        sources.values().remove(source);
    }

    public Optional<AuthoritativeSource> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(sources.get(name));
    }
}
