package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import org.casework.facilities.api.Facility;
import org.casework.facilities.api.FacilityDirectory;
import org.casework.facilities.api.PointOfContact;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.casework.itests.support.Wait;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The facilities module over real HTTP against the booted distribution with
 * {@code casework-facilities} installed: the example CSV from the docs imported, listed, paged,
 * sorted and searched; an edit refused for a stale version; contacts kept; a facility
 * deactivated, never deleted; bad input refused naming fields and lines with nothing stored; the
 * analyst reads but cannot write, a plain staff member cannot read; each change in the audit
 * trail; and the {@link FacilityDirectory} service other modules use returns what was imported.
 * One container for the class; only {@link #theExampleFileImportsAndListsAndReachesTheDirectory}
 * imports the example file, the other tests use codes of their own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FacilitiesIT extends CaseworkTestSupport {

    private static final String CSV_PROPERTY = "casework.it.facilities.csv";
    private static final String PASSWORD = "violet tractor lamp";
    private static final String FACILITIES = "/api/v1/facilities";

    @Inject
    @Filter(timeout = 120_000)
    private FacilityDirectory directory;

    /** The distribution with the facilities feature installed at boot, and the example file's path. */
    @Configuration
    @Override
    public Option[] config() {
        File csv = new File("../docs/examples/facilities.csv").getAbsoluteFile();
        if (!csv.isFile()) {
            throw new IllegalStateException("No example CSV at " + csv);
        }
        return new Option[] {
            baseOptions()[0],
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", ",casework-facilities"),
            systemProperty(CSV_PROPERTY).value(csv.getPath()),
        };
    }

    @Before
    public void ready() {
        awaitHealthy();
        Wait.until("the facilities API answers", BOOT_TIMEOUT, () -> admin().get(FACILITIES).status() == 200);
    }

    private static void assertStatus(HttpResult result, int status) {
        assertEquals(result.toString(), status, result.status());
    }

    private static List<String> fieldsOf(HttpResult result) {
        List<String> fields = new ArrayList<>();
        result.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> codes(HttpResult page) {
        assertStatus(page, 200);
        List<String> codes = new ArrayList<>();
        page.json().path("items").forEach(i -> codes.add(i.path("code").asText()));
        return codes;
    }

    private static String uniqueCode() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private HttpResult importCsv(CaseworkHttp client, String csv) {
        return client.post(FACILITIES + "/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private String createFacility(String name) {
        String code = uniqueCode();
        HttpResult created = admin().post(FACILITIES, Map.of("code", code.toLowerCase(Locale.ROOT),
                "name", name, "operator", "Test County", "areaOfResponsibility", "Chicago"));
        assertStatus(created, 201);
        assertEquals(code, created.json().path("code").asText());
        return code;
    }

    private String createUser(String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResult created = admin().post("/api/v1/users", Map.of("username", username,
                "fullName", "Full " + username, "email", username + "@example.org",
                "roles", List.of(role), "divisions", List.of(), "password", PASSWORD));
        assertStatus(created, 201);
        return username;
    }

    /** The audit entries about one facility, oldest first, as action:field=old>new;... lines. */
    private List<String> auditOf(String code) {
        HttpResult audit = admin().get("/api/v1/audit?recordType=facility&recordId=" + code + "&size=100");
        assertStatus(audit, 200);
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : audit.json().path("items")) {
            StringBuilder line = new StringBuilder(entry.path("action").asText()).append(':');
            for (JsonNode change : entry.path("changes")) {
                line.append(change.path("field").asText()).append('=')
                        .append(change.path("oldValue").asText("")).append('>')
                        .append(change.path("newValue").asText("")).append(';');
            }
            lines.add(0, line.toString());
        }
        return lines;
    }

    @Test
    public void theExampleFileImportsAndListsAndReachesTheDirectory() throws IOException {
        String csv = Files.readString(Path.of(System.getProperty(CSV_PROPERTY)), StandardCharsets.UTF_8);

        HttpResult first = importCsv(admin(), csv);
        assertStatus(first, 200);
        assertEquals(5, first.json().path("rows").asInt());
        assertEquals(5, first.json().path("created").asInt());
        assertEquals(5, first.json().path("contactsAdded").asInt());
        // the same file again changes nothing
        HttpResult again = importCsv(admin(), csv);
        assertStatus(again, 200);
        assertEquals(5, again.json().path("unchanged").asInt());
        assertEquals(0, again.json().path("created").asInt() + again.json().path("updated").asInt()
                + again.json().path("contactsAdded").asInt());

        // every example address has a comma; the test's own facilities have none
        HttpResult page0 = admin().get(FACILITIES + "?q=,&sort=code,asc&size=2");
        assertEquals(List.of("DSTS", "HARBOR-FS"), codes(page0));
        assertEquals(5, page0.json().path("total").asInt());
        assertEquals(List.of("RVPC"), codes(admin().get(FACILITIES + "?q=,&sort=code&size=2&page=2")));
        assertEquals("RVPC", codes(admin().get(FACILITIES + "?q=,&sort=name,desc")).get(0));
        assertEquals(List.of("DSTS"), codes(admin().get(FACILITIES + "?q=TUCSON%20border")));
        assertEquals(List.of("HARBOR-FS"), codes(admin().get(FACILITIES + "?q=,&inJurisdiction=false")));
        assertEquals(List.of("OLDMILL"), codes(admin().get(FACILITIES + "?q=,&active=false")));

        HttpResult harbor = admin().get(FACILITIES + "/harbor-fs");
        assertStatus(harbor, 200);
        assertEquals("Harbor \"Family\" Staging Facility", harbor.json().path("name").asText());
        HttpResult contacts = admin().get(FACILITIES + "/HARBOR-FS/contacts");
        assertStatus(contacts, 200);
        assertEquals("CBP", contacts.json().path("items").path(0).path("agency").asText());
        assertEquals("priya.raman@ice.example.org", contacts.json().path("items").path(1).path("email").asText());

        // the service other modules use sees the same list
        Facility riverbend = directory.find("rvpc").orElseThrow();
        assertEquals("Riverbend Processing Center", riverbend.name());
        assertEquals("Riverbend Detention Services, Inc.", riverbend.operator());
        assertTrue(riverbend.inJurisdiction());
        assertFalse(directory.find("OLDMILL").orElseThrow().active());
        List<PointOfContact> harborContacts = directory.contacts("HARBOR-FS");
        assertEquals(List.of("CBP", "ICE"), harborContacts.stream().map(PointOfContact::agency).toList());
        assertTrue(directory.find("NO-SUCH").isEmpty());

        List<String> audit = auditOf("RVPC");
        assertTrue(audit.toString(), audit.get(0).startsWith("create:code=>RVPC;name=>Riverbend Processing Center;"));
        assertTrue(audit.toString(), audit.get(audit.size() - 1).startsWith("contact-create:"));

        // the module shows in the health answer and its endpoints in the OpenAPI document
        assertTrue(http().get("/api/v1/health").json().path("modules").toString().contains("facilities"));
        JsonNode paths = http().get("/api/v1/openapi.json").json().path("paths");
        for (String path : List.of("/facilities", "/facilities/import", "/facilities/{code}",
                "/facilities/{code}/deactivate", "/facilities/{code}/contacts", "/facilities/{code}/contacts/{id}")) {
            assertTrue(path, paths.has(path));
        }
        assertTrue(audit.toString(), audit.stream().anyMatch(a -> a.startsWith("contact-create:")
                && a.contains(".email=>dana.whitfield@ice.example.org;")));
    }

    @Test
    public void anEditOfAnOldVersionIsRefusedAndDeactivatingKeepsTheFacility() {
        String code = createFacility("Lakeside Hold Room");
        JsonNode read = admin().get(FACILITIES + "/" + code).json();
        long version = read.path("version").asLong();

        Map<String, Object> edit = new HashMap<>();
        edit.put("name", "Lakeside Hold Room (East)");
        edit.put("operator", "Test County");
        edit.put("areaOfResponsibility", "Chicago");
        edit.put("inJurisdiction", false);
        edit.put("version", version);
        HttpResult saved = admin().put(FACILITIES + "/" + code, edit);
        assertStatus(saved, 200);
        assertFalse(saved.json().path("inJurisdiction").asBoolean());
        assertTrue(saved.json().path("version").asLong() > version);

        // someone who read the old version cannot overwrite the newer one
        edit.put("name", "Stale edit");
        HttpResult stale = admin().put(FACILITIES + "/" + code, edit);
        assertStatus(stale, 409);
        assertEquals("Lakeside Hold Room (East)", admin().get(FACILITIES + "/" + code).json().path("name").asText());

        assertStatus(admin().post(FACILITIES + "/" + code + "/deactivate?version=" + version, null), 409);
        HttpResult deactivated = admin().post(FACILITIES + "/" + code + "/deactivate?version="
                + saved.json().path("version").asLong(), null);
        assertStatus(deactivated, 200);
        assertFalse(deactivated.json().path("active").asBoolean());
        assertStatus(admin().get(FACILITIES + "/" + code), 200);
        assertEquals(List.of(code), codes(admin().get(FACILITIES + "?q=" + code + "&active=false")));
        assertEquals(List.of(), codes(admin().get(FACILITIES + "?q=" + code + "&active=true")));
        assertStatus(admin().delete(FACILITIES + "/" + code), 405);

        assertEquals(List.of("create:code=>" + code + ";name=>Lakeside Hold Room;operator=>Test County;"
                        + "areaOfResponsibility=>Chicago;inJurisdiction=>true;active=>true;",
                "update:name=Lakeside Hold Room>Lakeside Hold Room (East);inJurisdiction=true>false;",
                "deactivate:active=true>false;"), auditOf(code));
    }

    @Test
    public void pointsOfContactAreAddedChangedAndRemoved() {
        String code = createFacility("Hilltop Annex");
        HttpResult added = admin().post(FACILITIES + "/" + code + "/contacts",
                Map.of("agency", "ice", "name", "Ruth Baker", "email", "ruth.baker@ice.example.org"));
        assertStatus(added, 201);
        long id = added.json().path("id").asLong();
        assertEquals("ICE", added.json().path("agency").asText());

        HttpResult changed = admin().put(FACILITIES + "/" + code + "/contacts/" + id,
                Map.of("agency", "ICE", "name", "Ruth Baker-Stone", "email", "ruth.baker@ice.example.org"));
        assertStatus(changed, 200);
        JsonNode list = admin().get(FACILITIES + "/" + code + "/contacts").json().path("items");
        assertEquals(1, list.size());
        assertEquals("Ruth Baker-Stone", list.path(0).path("name").asText());

        HttpResult bad = admin().post(FACILITIES + "/" + code + "/contacts",
                Map.of("agency", "FBI", "name", "", "email", "not an address"));
        assertStatus(bad, 400);
        assertEquals(List.of("agency", "name", "email"), fieldsOf(bad));

        assertStatus(admin().delete(FACILITIES + "/" + code + "/contacts/" + id), 204);
        assertEquals(0, admin().get(FACILITIES + "/" + code + "/contacts").json().path("items").size());
        assertStatus(admin().delete(FACILITIES + "/" + code + "/contacts/" + id), 404);
        assertStatus(admin().get(FACILITIES + "/NO-SUCH-PLACE/contacts"), 404);

        List<String> audit = auditOf(code);
        assertTrue(audit.toString(), audit.contains("contact-update:contacts." + id
                + ".name=Ruth Baker>Ruth Baker-Stone;"));
        assertTrue(audit.toString(), audit.get(audit.size() - 1).startsWith("contact-delete:"));
    }

    @Test
    public void analystsReadButCannotWriteAndStaffCannotRead() {
        String code = createFacility("Permission Check Center");
        CaseworkHttp analyst = http().as(createUser("analyst", "analyst"), PASSWORD);
        assertStatus(analyst.get(FACILITIES), 200);
        assertStatus(analyst.get(FACILITIES + "/" + code), 200);
        assertStatus(analyst.get(FACILITIES + "/" + code + "/contacts"), 200);
        assertStatus(analyst.post(FACILITIES, Map.of("code", uniqueCode(), "name", "Nope")), 403);
        assertStatus(analyst.put(FACILITIES + "/" + code, Map.of("name", "Nope", "version", 1)), 403);
        assertStatus(analyst.post(FACILITIES + "/" + code + "/deactivate?version=1", null), 403);
        assertStatus(analyst.post(FACILITIES + "/" + code + "/contacts",
                Map.of("agency", "ICE", "name", "X", "email", "x@ice.example.org")), 403);
        assertStatus(importCsv(analyst, "code,name\n" + uniqueCode() + ",Nope\n"), 403);

        CaseworkHttp staff = http().as(createUser("staff", "staff"), PASSWORD);
        assertStatus(staff.get(FACILITIES), 403);
        assertStatus(staff.get(FACILITIES + "/" + code), 403);
        assertStatus(staff.get(FACILITIES + "/" + code + "/contacts"), 403);
        assertStatus(http().get(FACILITIES), 401);

        assertEquals("Permission Check Center", admin().get(FACILITIES + "/" + code).json().path("name").asText());
        assertEquals(1, auditOf(code).size());
    }

    @Test
    public void badInputIsRefusedNamingFieldsAndLinesWithNothingStored() {
        HttpResult bad = admin().post(FACILITIES, Map.of("code", "-bad code-", "name", " ",
                "address", "line one\nline two", "operator", "x".repeat(201)));
        assertStatus(bad, 400);
        assertEquals(List.of("code", "name", "operator", "address"), fieldsOf(bad));

        String good = uniqueCode();
        String csv = "code,name,iceContactName,iceContactEmail,active\n"
                + good + ",A Good Line,,,yes\n"
                + uniqueCode() + ",\"Quoted, with comma\",Ann Lee,ann-at-nowhere,yes\n"
                + uniqueCode() + ",No Flag,,,perhaps\n";
        HttpResult refused = importCsv(admin(), csv);
        assertStatus(refused, 400);
        assertEquals(List.of("line3.iceContactEmail", "line4.active"), fieldsOf(refused));
        assertTrue(refused.body(), refused.json().path("errors").path(0).path("message").asText()
                .startsWith("Line 3, column iceContactEmail:"));
        // all or nothing: the good line was not stored either
        assertStatus(admin().get(FACILITIES + "/" + good), 404);

        HttpResult unclosed = importCsv(admin(), "code,name\n" + good + ",\"never closed\n");
        assertStatus(unclosed, 400);
        assertEquals(List.of("line2"), fieldsOf(unclosed));
        assertEquals(List.of("line1.colour"), fieldsOf(importCsv(admin(), "code,name,colour\nA,B,red\n")));
        assertStatus(admin().post(FACILITIES + "/import", new byte[] {(byte) 0xC3, 0x28}, "text/csv"), 400);

        assertEquals(List.of("sort"), fieldsOf(admin().get(FACILITIES + "?sort=colour")));
        assertEquals(List.of("size"), fieldsOf(admin().get(FACILITIES + "?size=100000")));
        assertEquals(List.of("active"), fieldsOf(admin().get(FACILITIES + "?active=maybe")));

        String code = createFacility("Validation Hold");
        HttpResult noVersion = admin().put(FACILITIES + "/" + code, Map.of("name", "Renamed"));
        assertStatus(noVersion, 400);
        assertEquals(List.of("version"), fieldsOf(noVersion));
        assertStatus(admin().post(FACILITIES, Map.of("code", code, "name", "Duplicate")), 400);
        assertStatus(admin().get(FACILITIES + "/NO-SUCH-PLACE"), 404);
    }
}
