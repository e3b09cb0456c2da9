package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Issue 3's access-control matrix: one table of role × resource × action × expected status, run
 * over real HTTP against the booted distribution with the roles shipped as data. The case types
 * of the two offices are registered here with no roles in code, so every decision comes from the
 * roles' permission sets, their scopes, divisions and the creator's grants. Fails on any
 * unexpected allow or deny and prints how many cells it tried.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessControlMatrixIT extends CaseworkTestSupport {

    private static final String PASSWORD = "Matrix-password-" + UUID.randomUUID();
    private static final String[] TYPES = {"complaint", "investigation", "immigration-case", "federal-litigation"};

    /** Every role shipped, with the division its test user belongs to. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("admin", "hq");
        ROLES.put("staff", "hq");
        ROLES.put("helpdesk", "hq");
        ROLES.put("auditor", "hq");
        ROLES.put("security-officer", "hq");
        ROLES.put("intake", "ombuds");
        ROLES.put("case-manager", "ombuds");
        ROLES.put("analyst", "ombuds");
        ROLES.put("junior-auditor", "ombuds");
        ROLES.put("investigator", "ombuds");
        ROLES.put("sme", "ombuds");
        ROLES.put("manager", "ombuds");
        ROLES.put("product-owner", "ombuds");
        ROLES.put("attorney", "ocr");
        ROLES.put("support-staff", "ocr");
        ROLES.put("external-readonly", "ero");
    }

    private final List<ServiceRegistration<CaseType>> registrations = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private static CaseType type(String key, String prefix) {
        CaseTypeDefinition def = CaseTypeDefinition.builder(key)
                .label(key, key + "s").numberPrefix(prefix).titleField("title")
                .field(FieldDefinition.text("title", "Title").required().searchable().listed())
                .state("OPEN", "Open").closedState("CLOSED", "Closed")
                .transition("close", "Close", "CLOSED", "OPEN")
                .build();
        return () -> def;
    }

    @Before
    public void registerTypes() {
        awaitHealthy();
        String[] prefixes = {"CMP", "INV", "IMM", "FED"};
        for (int i = 0; i < TYPES.length; i++) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(CaseType.PROPERTY, TYPES[i]);
            registrations.add(bundleContext.registerService(CaseType.class, type(TYPES[i], prefixes[i]), props));
        }
        for (String t : TYPES) {
            waitUntil("case type " + t + " served", BOOT_TIMEOUT, () -> admin().get("/api/v1/cases/" + t).status() == 200);
        }
    }

    private String user(String role) {
        return ("m" + run + "-" + role).substring(0, Math.min(64, ("m" + run + "-" + role).length()));
    }

    private CaseworkHttp as(String role) {
        return role.equals("admin") ? admin() : http().as(user(role), PASSWORD);
    }

    private void createUser(String name, String role, String division) {
        HttpResult r = admin().post("/api/v1/users", Map.of("username", name, "fullName", role + " tester",
                "email", name + "@example.org", "roles", List.of(role), "divisions", List.of(division),
                "password", PASSWORD));
        assertEquals(r.toString(), 201, r.status());
    }

    private long create(CaseworkHttp who, String type, String title, String division) {
        HttpResult r = who.post("/api/v1/cases/" + type + (division == null ? "" : "?division=" + division),
                Map.of("fields", Map.of("title", title)));
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    private long version(String type, long id) {
        return admin().get("/api/v1/cases/" + type + "/" + id).json().path("version").asLong();
    }

    /** One cell: who, what, the expected status, and how to try it. */
    private record Cell(String role, String what, int expected, Function<CaseworkHttp, HttpResult> attempt) {
    }

    @Test
    public void everyRoleGetsExactlyWhatItsPermissionSetSays() {
        for (Map.Entry<String, String> r : ROLES.entrySet()) {
            if (!r.getKey().equals("admin")) {
                createUser(user(r.getKey()), r.getKey(), r.getValue());
            }
        }
        String otherAttorney = user("attorney") + "-nsls";
        createUser(otherAttorney, "attorney", "nsls");

        // the records the matrix reads: each created by the user a real office would have create it
        long intakeComplaint = create(as("intake"), "complaint", "Entered at intake", null);
        long otherComplaint = create(admin(), "complaint", "Entered by someone else", null);
        long investigation = create(admin(), "investigation", "Facility inspection", null);
        HttpResult assigned = admin().put("/api/v1/cases/investigation/" + investigation + "/assignment",
                Map.of("version", version("investigation", investigation), "assignee", user("investigator")));
        assertEquals(assigned.toString(), 200, assigned.status());
        long immigration = create(as("attorney"), "immigration-case", "Removal proceedings", null);
        long federal = create(as("attorney"), "federal-litigation", "FTCA claim", null);

        Set<String> complaintReaders = Set.of("admin", "case-manager", "analyst", "manager");
        Set<String> complaintWriters = Set.of("admin", "case-manager", "analyst");
        Set<String> complaintCreators = Set.of("admin", "intake", "case-manager", "analyst");
        Set<String> legal = Set.of("admin", "attorney", "support-staff");
        List<Cell> cells = new ArrayList<>();
        for (String role : ROLES.keySet()) {
            boolean readsComplaints = complaintReaders.contains(role) || role.equals("intake");
            cells.add(new Cell(role, "list complaints", readsComplaints ? 200 : 404,
                    h -> h.get("/api/v1/cases/complaint")));
            cells.add(new Cell(role, "create complaint", complaintCreators.contains(role) ? 201
                    : readsComplaints ? 403 : 404,
                    h -> h.post("/api/v1/cases/complaint", Map.of("fields", Map.of("title", "New " + role)))));
            cells.add(new Cell(role, "read complaint entered by intake",
                    complaintReaders.contains(role) || role.equals("intake") ? 200 : 404,
                    h -> h.get("/api/v1/cases/complaint/" + intakeComplaint)));
            cells.add(new Cell(role, "read another's complaint", complaintReaders.contains(role) ? 200 : 404,
                    h -> h.get("/api/v1/cases/complaint/" + otherComplaint)));
            cells.add(new Cell(role, "update another's complaint", complaintWriters.contains(role) ? 200
                    : complaintReaders.contains(role) ? 403 : 404,
                    h -> h.patch("/api/v1/cases/complaint/" + otherComplaint,
                            Map.of("version", version("complaint", otherComplaint),
                                    "fields", Map.of("title", "Edited by " + role)))));
            boolean readsInvestigation = Set.of("admin", "manager", "investigator").contains(role);
            boolean holdsInvestigation = readsInvestigation || Set.of("junior-auditor", "sme").contains(role);
            cells.add(new Cell(role, "read investigation assigned to the investigator",
                    readsInvestigation ? 200 : 404,
                    h -> h.get("/api/v1/cases/investigation/" + investigation)));
            cells.add(new Cell(role, "update investigation assigned to the investigator",
                    readsInvestigation ? 200 : 404,
                    h -> h.patch("/api/v1/cases/investigation/" + investigation,
                            Map.of("version", version("investigation", investigation),
                                    "fields", Map.of("title", "Inspected by " + role)))));
            cells.add(new Cell(role, "list investigations", holdsInvestigation ? 200 : 404,
                    h -> h.get("/api/v1/cases/investigation")));
            boolean readsImmigration = legal.contains(role) || role.equals("external-readonly");
            cells.add(new Cell(role, "read immigration case", readsImmigration ? 200 : 404,
                    h -> h.get("/api/v1/cases/immigration-case/" + immigration)));
            cells.add(new Cell(role, "update immigration case", legal.contains(role) ? 200
                    : readsImmigration ? 403 : 404,
                    h -> h.patch("/api/v1/cases/immigration-case/" + immigration,
                            Map.of("version", version("immigration-case", immigration),
                                    "fields", Map.of("title", "Hearing set by " + role)))));
            cells.add(new Cell(role, "create immigration case", legal.contains(role) ? 201
                    : readsImmigration ? 403 : 404,
                    h -> h.post("/api/v1/cases/immigration-case", Map.of("fields", Map.of("title", "By " + role)))));
            cells.add(new Cell(role, "read federal case of division ocr", legal.contains(role) ? 200 : 404,
                    h -> h.get("/api/v1/cases/federal-litigation/" + federal)));
            cells.add(new Cell(role, "list users", role.equals("admin") ? 200 : 403,
                    h -> h.get("/api/v1/users")));
            cells.add(new Cell(role, "create user", Set.of("admin", "helpdesk").contains(role) ? 201 : 403,
                    h -> h.post("/api/v1/users", Map.of("username", ("n" + UUID.randomUUID()).substring(0, 20),
                            "roles", List.of("staff"), "divisions", List.of(), "password", PASSWORD))));
            cells.add(new Cell(role, "inspect roles", Set.of("admin", "product-owner").contains(role) ? 200 : 403,
                    h -> h.get("/api/v1/roles")));
            cells.add(new Cell(role, "edit a role", role.equals("admin") ? 201 : 403,
                    h -> h.put("/api/v1/roles/r" + UUID.randomUUID().toString().substring(0, 8),
                            Map.of("label", "Temporary", "permissions", List.of("console:use")))));
            cells.add(new Cell(role, "search the audit trail",
                    Set.of("admin", "auditor", "security-officer").contains(role) ? 200 : 403,
                    h -> h.get("/api/v1/audit?size=1")));
            cells.add(new Cell(role, "export the audit trail", Set.of("admin", "auditor").contains(role) ? 200 : 403,
                    h -> h.get("/api/v1/audit/export.csv?action=logon&from=2100-01-01T00:00:00Z")));
        }
        // division scoping and the creator's grant
        CaseworkHttp nsls = http().as(otherAttorney, PASSWORD);
        cells.add(new Cell("attorney (nsls)", "read federal case of division ocr", 404,
                h -> nsls.get("/api/v1/cases/federal-litigation/" + federal)));
        cells.add(new Cell("attorney (nsls)", "update immigration case of ocr", 200,
                h -> nsls.patch("/api/v1/cases/immigration-case/" + immigration,
                        Map.of("version", version("immigration-case", immigration), "fields", Map.of("title", "NSLS")))));
        cells.add(new Cell("attorney (nsls)", "grant himself the federal case", 404,
                h -> nsls.post("/api/v1/cases/federal-litigation/" + federal + "/grants",
                        Map.of("grantee", otherAttorney, "action", "read"))));
        cells.add(new Cell("support-staff (ocr)", "grant a federal case they did not create", 403,
                h -> as("support-staff").post("/api/v1/cases/federal-litigation/" + federal + "/grants",
                        Map.of("grantee", otherAttorney, "action", "read"))));
        cells.add(new Cell("attorney (ocr, creator)", "grant the federal case to nsls", 201,
                h -> as("attorney").post("/api/v1/cases/federal-litigation/" + federal + "/grants",
                        Map.of("grantee", otherAttorney, "action", "read"))));
        cells.add(new Cell("attorney (nsls)", "read the federal case once granted", 200,
                h -> nsls.get("/api/v1/cases/federal-litigation/" + federal)));
        cells.add(new Cell("attorney (nsls)", "update the federal case granted for reading", 403,
                h -> nsls.patch("/api/v1/cases/federal-litigation/" + federal,
                        Map.of("version", version("federal-litigation", federal), "fields", Map.of("title", "x")))));
        cells.add(new Cell("attorney (ocr, creator)", "grant update to the external user", 400,
                h -> as("attorney").post("/api/v1/cases/federal-litigation/" + federal + "/grants",
                        Map.of("grantee", user("external-readonly"), "action", "update"))));

        List<String> wrong = new ArrayList<>();
        for (Cell c : cells) {
            HttpResult r = c.attempt().apply(as(c.role().contains(" ") ? "admin" : c.role()));
            if (r.status() != c.expected()) {
                wrong.add(c.role() + " / " + c.what() + ": expected " + c.expected() + ", got " + r.status()
                        + " " + r.body().substring(0, Math.min(160, r.body().length())));
            }
        }
        System.out.println("Access-control matrix: " + cells.size() + " cells tried, " + wrong.size() + " wrong");
        assertTrue(cells.size() + " cells tried; unexpected:\n" + String.join("\n", wrong), wrong.isEmpty());

        // counts match what is shown: intake lists only the complaint(s) they entered
        HttpResult intakeList = as("intake").get("/api/v1/cases/complaint?size=100");
        assertEquals(intakeList.json().path("items").size(), intakeList.json().path("total").asInt());
        intakeList.json().path("items").forEach(i -> assertEquals(user("intake"), i.path("createdBy").asText()));
        // the refusals are themselves audited
        HttpResult trail = admin().get("/api/v1/audit?actor=" + user("intake") + "&size=200");
        long denied = 0;
        for (var entry : trail.json().path("items")) {
            denied += "denied".equals(entry.path("outcome").asText()) ? 1 : 0;
        }
        assertTrue(trail.toString(), denied >= 4);
    }

    @org.junit.After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
