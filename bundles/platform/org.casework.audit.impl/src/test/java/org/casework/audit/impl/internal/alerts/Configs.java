package org.casework.audit.impl.internal.alerts;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link AlertConfig} with its defaults, some overridden, as DS would hand it over. */
final class Configs {

    private Configs() {
    }

    static AlertConfig alerts(Map<String, Object> overrides) {
        return (AlertConfig) Proxy.newProxyInstance(AlertConfig.class.getClassLoader(),
                new Class<?>[] {AlertConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return AlertConfig.class;
                    }
                    if (method.getDefaultValue() == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    static RuleSettings settings(Map<String, Object> overrides) {
        return RuleSettings.of(alerts(overrides), problem -> {
            throw new AssertionError(problem);
        });
    }
}
