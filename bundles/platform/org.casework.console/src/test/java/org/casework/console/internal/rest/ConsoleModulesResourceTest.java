package org.casework.console.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.casework.core.api.Caller;
import org.casework.core.api.Roles;
import org.casework.core.api.spi.ConsoleModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleModulesResourceTest {

    private ConsoleModulesResource resource;

    @BeforeEach
    void setUp() {
        resource = new ConsoleModulesResource();
    }

    @Test
    void showsModulesWithoutRoleToEverySignedInUser() {
        resource.addModule(module("open", "Open to all", 10, null));
        resource.addModule(module("blank", "Blank role", 20, " "));

        assertEquals(List.of("open", "blank"), keys(caller("clerk", Set.of())));
    }

    @Test
    void hidesModulesWhoseRoleTheCallerLacks() {
        resource.addModule(module("complaints", "Complaints", 10, Roles.STAFF));
        resource.addModule(module("users", "Users", 20, Roles.ADMIN));
        resource.addModule(module("ethics", "Ethics", 30, "ethics-officer"));

        assertEquals(List.of(), keys(caller("guest", Set.of())));
        assertEquals(List.of("complaints"), keys(caller("clerk", Set.of(Roles.STAFF))));
        assertEquals(List.of("complaints", "ethics"), keys(caller("officer", Set.of(Roles.STAFF, "ethics-officer"))));
    }

    @Test
    void administratorsSeeEveryModule() {
        resource.addModule(module("complaints", "Complaints", 10, Roles.STAFF));
        resource.addModule(module("users", "Users", 20, Roles.ADMIN));
        resource.addModule(module("ethics", "Ethics", 30, "ethics-officer"));

        assertEquals(List.of("complaints", "users", "ethics"), keys(caller("root", Set.of(Roles.ADMIN))));
    }

    @Test
    void sortsByOrderThenLabelIgnoringCase() {
        resource.addModule(module("z", "Zoning", 5, null));
        resource.addModule(module("b", "beta", 50, null));
        resource.addModule(module("a", "Alpha", 50, null));
        resource.addModule(module("c", "Gamma", 100, null));
        resource.addModule(module("first", "Last label", -1, null));

        assertEquals(List.of("first", "z", "a", "b", "c"), keys(caller("clerk", Set.of())));
    }

    @Test
    void answersKeyLabelEntryPathAndOrder() {
        resource.addModule(module("congress", "Congressional inquiries", 40, Roles.STAFF));

        List<ConsoleModuleView> views = resource.modules(context(caller("clerk", Set.of(Roles.STAFF))));

        assertEquals(List.of(new ConsoleModuleView("congress", "Congressional inquiries", "#/cases/congress", 40)), views);
    }

    @Test
    void followsModulesComingAndGoing() {
        ConsoleModule complaints = module("complaints", "Complaints", 10, null);
        ConsoleModule reports = module("reports", "Reports", 20, null);
        Caller clerk = caller("clerk", Set.of());

        resource.addModule(complaints);
        assertEquals(List.of("complaints"), keys(clerk));
        resource.addModule(reports);
        assertEquals(List.of("complaints", "reports"), keys(clerk));
        resource.removeModule(complaints);
        assertEquals(List.of("reports"), keys(clerk));
        resource.removeModule(reports);
        assertEquals(List.of(), keys(clerk));
    }

    @Test
    void showsAKeyOnlyOnce() {
        resource.addModule(module("reports", "Reports", 20, null));
        resource.addModule(module("reports", "Reports again", 30, null));

        assertEquals(List.of("reports"), keys(caller("clerk", Set.of())));
        assertEquals("Reports", resource.modules(context(caller("clerk", Set.of()))).get(0).label());
    }

    @Test
    void leavesOutAModuleThatFailsToDescribeItself() {
        resource.addModule(module("good", "Good", 10, null));
        resource.addModule(new ConsoleModule() {
            @Override
            public String key() {
                throw new IllegalStateException("broken");
            }

            @Override
            public String label() {
                return "Broken";
            }

            @Override
            public String entryPath() {
                return "/console/broken/";
            }
        });

        assertEquals(List.of("good"), keys(caller("clerk", Set.of())));
    }

    @Test
    void usesTheDefaultOrderAndRoleOfTheInterface() {
        resource.addModule(new ConsoleModule() {
            @Override
            public String key() {
                return "plain";
            }

            @Override
            public String label() {
                return "Plain";
            }

            @Override
            public String entryPath() {
                return "/console/plain/";
            }
        });

        List<ConsoleModuleView> views = resource.modules(context(caller("clerk", Set.of())));
        assertEquals(List.of(new ConsoleModuleView("plain", "Plain", "/console/plain/", 100)), views);
    }

    @Test
    void showsAModuleOnlyToCallersHoldingOneOfItsPermissions() {
        resource.addModule(permitted("facilities", Set.of("facilities:read")));
        resource.addModule(permitted("litigation", Set.of("case.immigration-case:read", "case.federal-litigation:read")));
        resource.addModule(module("open", "Open", 1, null));

        assertEquals(List.of("open"), keys(withPermissions("attorney-without", Set.of("case.complaint:read"))));
        assertEquals(List.of("open", "facilities"), keys(withPermissions("analyst", Set.of("facilities:read"))));
        // any scope will do, and one of several is enough
        assertEquals(List.of("open", "litigation"),
                keys(withPermissions("fed", Set.of("case.federal-litigation:read:division"))));
        assertEquals(List.of("open", "facilities"), keys(withPermissions("wild", Set.of("facilities:*"))));
        assertEquals(List.of("open", "facilities", "litigation"), keys(caller("root", Set.of(Roles.ADMIN))));
    }

    @Test
    void aMalformedPermissionGrantsNothingButAdministratorsStillSeeTheModule() {
        resource.addModule(permitted("odd", Set.of("not a permission")));

        assertEquals(List.of(), keys(withPermissions("clerk", Set.of("*:*"))));
        assertEquals(List.of("odd"), keys(caller("root", Set.of(Roles.ADMIN))));
    }

    @Test
    void answersTheLabelsPerLanguage() {
        resource.addModule(new ConsoleModule() {
            @Override
            public String key() {
                return "complaints";
            }

            @Override
            public String label() {
                return "Complaint queues";
            }

            @Override
            public Map<String, String> labels() {
                return Map.of("ES", "Colas de quejas", "fr", " ");
            }

            @Override
            public String entryPath() {
                return "#/m/complaints";
            }
        });

        ConsoleModuleView view = resource.modules(context(caller("clerk", Set.of()))).get(0);
        assertEquals("Complaint queues", view.label());
        assertEquals(Map.of("es", "Colas de quejas"), view.labels());
    }

    @Test
    void answersTheCaseTypesOnWhosePagesTheModuleAddsASection() {
        resource.addModule(new ConsoleModule() {
            @Override
            public String key() {
                return "litigation";
            }

            @Override
            public String label() {
                return "Litigation";
            }

            @Override
            public String entryPath() {
                return "#/m/litigation";
            }

            @Override
            public Set<String> caseSections() {
                return Set.of("immigration-case", " ", "administrative-case");
            }
        });
        resource.addModule(module("plain", "Plain", 1, null));

        List<ConsoleModuleView> views = resource.modules(context(caller("clerk", Set.of())));
        assertEquals(List.of(), views.get(0).caseSections());
        assertEquals(List.of("administrative-case", "immigration-case"), views.get(1).caseSections());
    }

    @Test
    void refusesARequestWithoutCaller() {
        assertThrows(IllegalStateException.class, () -> resource.modules(context(null)));
    }

    private List<String> keys(Caller caller) {
        return resource.modules(context(caller)).stream().map(ConsoleModuleView::key).toList();
    }

    private static Caller caller(String name, Set<String> roles) {
        return new Caller(name, name, roles, Set.of(), false, false);
    }

    private static Caller withPermissions(String name, Set<String> permissions) {
        return new Caller(name, name, Set.of("staff"), Set.of(), false, false, permissions);
    }

    private static ConsoleModule permitted(String key, Set<String> permissions) {
        return new ConsoleModule() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String label() {
                return key;
            }

            @Override
            public String entryPath() {
                return "#/m/" + key;
            }

            @Override
            public int order() {
                return 10;
            }

            @Override
            public Set<String> requiredPermissions() {
                return permissions;
            }
        };
    }

    private static SecurityContext context(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "test";
            }
        };
    }

    private static ConsoleModule module(String key, String label, int order, String role) {
        return new ConsoleModule() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public String entryPath() {
                return "#/cases/" + key;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String requiredRole() {
                return role;
            }
        };
    }
}
