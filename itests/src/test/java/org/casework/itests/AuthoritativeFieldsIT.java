package org.casework.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.casework.itests.support.CaseworkHttp;
import org.casework.itests.support.CaseworkTestSupport;
import org.casework.itests.support.HttpResult;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Fields owned by an external system, over real HTTP, on the litigation module's immigration cases
 * (custody status owned by EID, A-Number by IRIES): values entered when a case is opened are
 * provisional, users cannot change them, an administrator corrects them with a reason (audited, in
 * the history), and a source bundle installed on the running system supplies values with their
 * source and fetched-at time. The methods run in name order: the sources are installed only in
 * the third. Runs on Derby and on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AuthoritativeFieldsIT extends CaseworkTestSupport {

    private static final String IMM = "/api/v1/cases/immigration-case";
    private static final String SOURCES = "casework-example-sources";

    /** The case opened in the first test, refreshed from the sources in the third. */
    private static long firstCase;

    @Inject
    private FeaturesService features;

    @Before
    public void litigationIsInstalled() throws Exception {
        awaitHealthy();
        if (!features.isInstalled(features.getFeature("casework-litigation"))) {
            features.installFeature("casework-litigation", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
        waitUntil("litigation served", BOOT_TIMEOUT, () -> admin().get(IMM).status() == 200);
    }

    private CaseworkHttp attorney() {
        String name = "att" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Long-enough-" + UUID.randomUUID();
        HttpResult created = admin().post("/api/v1/users", Map.of("username", name, "fullName", "Test " + name,
                "email", name + "@example.org", "roles", List.of("attorney"), "divisions", List.of("occ-sf"),
                "password", password));
        assertEquals(created.toString(), 201, created.status());
        return http().as(name, password);
    }

    /** A random A-Number whose last digit is odd: the example EID reports such a person released. */
    private static String oddANumber() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(1, 99_999_999)) + "7";
    }

    private static Map<String, Object> detained(String aNumber, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("aNumber", aNumber);
        f.put("respondent", Map.of("fullName", name));
        f.put("custodyStatus", "DETAINED");
        return f;
    }

    private static JsonNode created(HttpResult r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private static void assertRefused(HttpResult r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        boolean named = false;
        for (JsonNode e : r.json().path("errors")) {
            named |= field.equals(e.path("field").asText());
        }
        assertTrue(field + " named in " + r, named);
    }

    @Test
    public void a_valuesEnteredAtOpeningAreProvisionalAndUsersCannotChangeThem() throws Exception {
        assertFalse("the sources come only in the third test", features.isInstalled(features.getFeature(SOURCES)));
        CaseworkHttp attorney = attorney();
        String a = oddANumber();
        JsonNode kase = created(attorney.post(IMM, Map.of("fields", detained(a, "Marta Ruiz"))));
        firstCase = kase.path("id").asLong();
        JsonNode custody = kase.path("provenance").path("custodyStatus");
        assertEquals(kase.toString(), "EID", custody.path("source").asText());
        assertEquals("ENTERED", custody.path("origin").asText());
        assertTrue(custody.path("fetchedAt").isNull() || custody.path("fetchedAt").isMissingNode());
        assertEquals("IRIES", kase.path("provenance").path("aNumber").path("source").asText());
        assertFalse("fields users keep carry no provenance", kase.path("provenance").has("respondent"));

        // the type tells clients which system owns which field
        JsonNode types = attorney.get("/api/v1/cases").json();
        String owners = types.toString();
        assertTrue(owners, owners.contains("\"authoritativeSource\":\"EID\"") && owners.contains("\"authoritativeSource\":\"IRIES\""));

        String path = IMM + "/" + firstCase;
        HttpResult refused = attorney.patch(path, Map.of("version", kase.path("version").asLong(),
                "fields", Map.of("custodyStatus", "RELEASED", "language", "Spanish")));
        assertRefused(refused, 403, "fields.custodyStatus");
        assertTrue("the refusal names the owner: " + refused, refused.body().contains("EID"));
        assertRefused(attorney.patch(path, Map.of("version", kase.path("version").asLong(),
                "fields", Map.of("aNumber", oddANumber()))), 403, "fields.aNumber");
        JsonNode after = attorney.get(path).json();
        assertEquals("nothing written", kase.path("version").asLong(), after.path("version").asLong());
        assertEquals("DETAINED", after.path("fields").path("custodyStatus").asText());
        assertTrue(after.toString(), after.path("fields").path("language").isMissingNode());

        HttpResult denied = admin().get("/api/v1/audit?recordType=immigration-case&recordId=" + firstCase
                + "&action=update&size=50");
        assertEquals(denied.toString(), 200, denied.status());
        assertTrue(denied.toString(), denied.body().contains("fields.custodyStatus"));

        // an attorney may not use the correction either
        assertEquals(403, attorney.post(path + "/fields/custodyStatus/correction", Map.of(
                "version", kase.path("version").asLong(), "value", "RELEASED", "reason", "I saw the release")).status());
    }

    @Test
    public void b_anAdministratorCorrectsWithAReasonAndItIsAuditedAndInTheHistory() throws Exception {
        String path = IMM + "/" + firstCase;
        JsonNode kase = admin().get(path).json();
        long version = kase.path("version").asLong();
        String correction = path + "/fields/custodyStatus/correction";

        assertRefused(admin().post(correction, Map.of("version", version, "value", "RELEASED")), 400, "reason");
        assertRefused(admin().post(correction, Map.of("version", version, "value", "RELEASED", "reason", "   ")),
                400, "reason");
        assertRefused(admin().post(correction, Map.of("version", version, "value", "ESCAPED", "reason", "Typo")),
                400, "value");
        assertRefused(admin().post(path + "/fields/language/correction", Map.of("version", version,
                "value", "French", "reason", "Typo")), 400, "field");
        assertEquals(404, admin().post(path + "/fields/nothing/correction", Map.of("version", version,
                "value", "x", "reason", "Typo")).status());
        assertEquals(409, admin().post(correction, Map.of("version", version - 1, "value", "RELEASED",
                "reason", "Released on bond")).status());
        assertEquals("nothing written", version, admin().get(path).json().path("version").asLong());

        String reason = "Released on bond " + UUID.randomUUID().toString().substring(0, 6) + "; EID not updated yet";
        HttpResult fixed = admin().post(correction, Map.of("version", version, "value", "RELEASED", "reason", reason));
        assertEquals(fixed.toString(), 200, fixed.status());
        assertEquals("RELEASED", fixed.json().path("fields").path("custodyStatus").asText());
        JsonNode p = fixed.json().path("provenance").path("custodyStatus");
        assertEquals("CORRECTED", p.path("origin").asText());
        assertEquals("EID", p.path("source").asText());
        assertEquals(reason, p.path("reason").asText());
        assertFalse(p.path("recordedBy").asText().isEmpty());

        JsonNode history = admin().get(path + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertEquals(history.toString(), "corrected", last.path("action").asText());
        assertEquals("custodyStatus", last.path("field").asText());
        assertEquals("DETAINED", last.path("oldValue").asText());
        assertEquals("RELEASED", last.path("newValue").asText());
        assertEquals(reason, last.path("detail").asText());

        HttpResult audit = admin().get("/api/v1/audit?recordType=immigration-case&recordId=" + firstCase
                + "&action=update&size=50");
        assertTrue(audit.toString(), audit.body().contains(reason));
    }

    @Test
    public void c_aSourceInstalledOnTheRunningSystemSuppliesValuesWithSourceAndFetchedAt() throws Exception {
        features.installFeature(SOURCES, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Instant before = Instant.now().minusSeconds(5);
        CaseworkHttp attorney = attorney();
        String a = oddANumber();
        // the sources are asked as soon as they run; wait for the first answer
        waitUntil("the example EID source answers", BOOT_TIMEOUT, () -> "SOURCE".equals(attorney
                .post(IMM + "/" + firstCase + "/fields/refresh", Map.of()).json()
                .path("provenance").path("custodyStatus").path("origin").asText()));

        JsonNode refreshed = admin().get(IMM + "/" + firstCase).json();
        assertEquals("EID's value replaces the correction", "RELEASED",
                refreshed.path("fields").path("custodyStatus").asText());

        JsonNode kase = created(attorney.post(IMM, Map.of("fields", detained(a, "Pedro Alvarez"))));
        assertEquals("EID says released, and the creator sees it at once", "RELEASED",
                kase.path("fields").path("custodyStatus").asText());
        JsonNode custody = kase.path("provenance").path("custodyStatus");
        assertEquals("EID", custody.path("source").asText());
        assertEquals("SOURCE", custody.path("origin").asText());
        assertTrue(custody.toString(), Instant.parse(custody.path("fetchedAt").asText()).isAfter(before));
        assertEquals("source:EID", custody.path("recordedBy").asText());
        JsonNode aNumber = kase.path("provenance").path("aNumber");
        assertEquals("IRIES confirms the A-Number", "SOURCE", aNumber.path("origin").asText());
        assertEquals(a, kase.path("fields").path("aNumber").asText());

        long id = kase.path("id").asLong();
        JsonNode history = attorney.get(IMM + "/" + id + "/history").json();
        boolean fromEid = false;
        for (JsonNode h : history) {
            fromEid |= "source-updated".equals(h.path("action").asText()) && "custodyStatus".equals(h.path("field").asText())
                    && "source:EID".equals(h.path("actor").asText()) && "DETAINED".equals(h.path("oldValue").asText())
                    && "RELEASED".equals(h.path("newValue").asText()) && h.path("detail").asText().startsWith("EID, fetched ");
        }
        assertTrue(history.toString(), fromEid);
        HttpResult audit = admin().get("/api/v1/audit?recordType=immigration-case&recordId=" + id + "&actor=source:EID&size=20");
        assertEquals(audit.toString(), 200, audit.status());
        assertTrue("audited as the source: " + audit, audit.body().contains("custodyStatus"));

        // still no edits by users, whatever the source said
        assertRefused(attorney.patch(IMM + "/" + id, Map.of("version", kase.path("version").asLong(),
                "fields", Map.of("custodyStatus", "DETAINED"))), 403, "fields.custodyStatus");
    }

    @Test
    public void d_theEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = http().get("/api/v1/openapi.json").json().path("paths");
        assertTrue(paths.toString(), paths.path("/cases/{type}/{id}/fields/{key}/correction").has("post"));
        assertTrue(paths.path("/cases/{type}/{id}/fields/refresh").has("post"));
    }
}
