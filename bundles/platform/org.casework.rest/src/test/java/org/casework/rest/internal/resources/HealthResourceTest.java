package org.casework.rest.internal.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import java.util.List;

import javax.ws.rs.core.Response;

import org.casework.core.api.CaseService;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.security.api.AuthenticationService;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    private static ModuleDescriptor module(String key) {
        return new ModuleDescriptor() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String name() {
                return key;
            }
        };
    }

    @Test
    void upWithSortedModuleKeysWhenEngineAndSignInAreThere() {
        Response r = new HealthResource(List.of(module("legal"), module("complaints"), module("legal")),
                mock(CaseService.class), mock(AuthenticationService.class)).health();
        assertEquals(200, r.getStatus());
        assertEquals(new HealthResource.Health("UP", List.of("complaints", "legal")), r.getEntity());
    }

    @Test
    void startingWhileTheEngineOrSignInIsMissing() {
        Response noEngine = new HealthResource(List.of(), null, mock(AuthenticationService.class)).health();
        assertEquals(503, noEngine.getStatus());
        assertEquals("STARTING", ((HealthResource.Health) noEngine.getEntity()).status());
        assertEquals(503, new HealthResource(null, mock(CaseService.class), null).health().getStatus());
    }
}
