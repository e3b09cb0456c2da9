package org.casework.core.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.Caller;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.FieldProvenance;
import org.casework.core.api.FieldProvenance.Origin;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.HistoryEntry;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.AuthoritativeSource;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.Roles;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fields owned by an external system: entered at opening, refused afterwards, corrected, supplied. */
class AuthoritativeFieldsTest {

    static final CaseTypeDefinition DETENTION = CaseTypeDefinition.builder("detention")
            .label("Detention", "Detentions").numberPrefix("DT").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required())
            .field(FieldDefinition.aNumber("aNumber", "A-Number").authoritativeSource("IRIES"))
            .field(FieldDefinition.enumeration("custodyStatus", "Custody status", "DETAINED", "RELEASED")
                    .authoritativeSource("EID"))
            .state("OPEN", "Open")
            .allow(CaseAction.CREATE, "staff").allow(CaseAction.READ, "staff").allow(CaseAction.UPDATE, "staff")
            .build();

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Caller STAFF = new Caller("sam", "sam", Set.of("staff"), Set.of(), false, false);
    static final Caller ADMIN = new Caller("ada", "ada", Set.of(Roles.ADMIN), Set.of(), false, false);
    static final Caller EID_CONNECTOR = Caller.system("connector-eid");

    private DerbyJpaTemplate jpa;
    private CaseEngine engine;
    private CaseTypeRegistry registry;
    private AuthoritativeSources sources;
    private RecordingAuditService audit;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-core-test", "V1__case_engine.derby.sql", "V2__owner_division.derby.sql",
                "V3__field_provenance.derby.sql");
        registry = new CaseTypeRegistry();
        registry.addCaseType(new CaseType() {
            @Override
            public CaseTypeDefinition definition() {
                return DETENTION;
            }

            @Override
            public void validate(Map<String, Object> values, List<FieldError> errors) {
                if (values.get("aNumber") == null) {
                    errors.add(new FieldError("fields.aNumber", "required", "A detention needs an A-Number."));
                }
            }
        }, Map.of(CaseType.PROPERTY, "detention"));
        audit = new RecordingAuditService();
        sources = new AuthoritativeSources();
        engine = new CaseEngine(jpa, registry, audit, new FakeAccessPolicy(), CaseEngineTest.config(1024),
                Clock.fixed(NOW, ZoneOffset.UTC), sources);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private CaseRecord open() {
        return engine.create(STAFF, "detention", Map.of("subject", "Held at Adelanto", "aNumber", "A123-456-789",
                "custodyStatus", "DETAINED"));
    }

    @Test
    void valuesGivenWhenOpeningAreKeptAsEnteredUntilTheSourceSpeaks() {
        CaseRecord c = open();
        assertEquals("DETAINED", c.fields().get("custodyStatus"));
        FieldProvenance p = c.provenance().get("custodyStatus");
        assertEquals(new FieldProvenance("EID", Origin.ENTERED, null, NOW, "sam", null), p);
        assertTrue(p.provisional());
        assertEquals("IRIES", c.provenance().get("aNumber").source());
        assertNull(c.provenance().get("subject"), "a field users keep has no provenance");
        assertEquals(c.provenance(), engine.get(STAFF, "detention", c.id()).provenance());
    }

    @Test
    void aUserMayNotChangeAnOwnedFieldAndNothingIsWritten() {
        CaseRecord c = open();
        int audited = audit.recorded.size();
        CaseworkException e = assertThrows(CaseworkException.class, () -> engine.update(STAFF, "detention", c.id(),
                c.version(), Map.of("custodyStatus", "RELEASED", "subject", "Changed too")));
        assertEquals(403, e.status());
        assertEquals("authoritative-field", e.problemType());
        assertEquals(List.of("fields.custodyStatus"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("EID"), e.errors().get(0).message());
        CaseRecord after = engine.get(STAFF, "detention", c.id());
        assertEquals(c.version(), after.version());
        assertEquals("Held at Adelanto", after.fields().get("subject"));
        assertEquals("denied", audit.recorded.get(audited).event().outcome());
        assertTrue(audit.recorded.get(audited).event().detail().contains("fields.custodyStatus"));

        // nor an administrator by an ordinary edit: a correction needs its reason
        assertThrows(CaseworkException.class, () -> engine.update(ADMIN, "detention", c.id(), c.version(),
                Map.of("aNumber", "987654321")));
        // restating the stored value is no change and passes
        CaseRecord same = engine.update(STAFF, "detention", c.id(), c.version(),
                Map.of("custodyStatus", "DETAINED", "subject", "Held at Otay Mesa"));
        assertEquals("Held at Otay Mesa", same.fields().get("subject"));
    }

    @Test
    void anAdministratorCorrectsWithAReasonAndTheHistoryKeepsIt() {
        CaseRecord c = open();
        ValidationException noReason = assertThrows(ValidationException.class, () -> engine.correctField(ADMIN,
                "detention", c.id(), c.version(), "custodyStatus", "RELEASED", "  "));
        assertEquals("reason", noReason.errors().get(0).field());
        assertThrows(ForbiddenException.class, () -> engine.correctField(STAFF, "detention", c.id(), c.version(),
                "custodyStatus", "RELEASED", "I know better"));
        ValidationException bad = assertThrows(ValidationException.class, () -> engine.correctField(ADMIN,
                "detention", c.id(), c.version(), "custodyStatus", "ESCAPED", "Typo"));
        assertEquals("value", bad.errors().get(0).field());
        ValidationException notOwned = assertThrows(ValidationException.class, () -> engine.correctField(ADMIN,
                "detention", c.id(), c.version(), "subject", "x", "Typo"));
        assertEquals("field", notOwned.errors().get(0).field());
        ValidationException cleared = assertThrows(ValidationException.class, () -> engine.correctField(ADMIN,
                "detention", c.id(), c.version(), "aNumber", null, "Unknown after all"));
        assertEquals("value", cleared.errors().get(0).field(), "the type's own rule, named as sent");
        assertThrows(NotFoundException.class, () -> engine.correctField(ADMIN, "detention", c.id(), c.version(),
                "nothing", "x", "Typo"));
        assertThrows(ConflictException.class, () -> engine.correctField(ADMIN, "detention", c.id(), c.version() + 5,
                "custodyStatus", "RELEASED", "Released on bond"));
        assertEquals(c.version(), engine.get(STAFF, "detention", c.id()).version(), "nothing was written");

        int audited = audit.recorded.size();
        CaseRecord fixed = engine.correctField(ADMIN, "detention", c.id(), c.version(), "custodyStatus", "RELEASED",
                " Released on bond on 3 March; EID not yet updated ");
        assertEquals("RELEASED", fixed.fields().get("custodyStatus"));
        assertEquals(new FieldProvenance("EID", Origin.CORRECTED, null, NOW, "ada",
                "Released on bond on 3 March; EID not yet updated"), fixed.provenance().get("custodyStatus"));
        HistoryEntry last = last(engine.history(STAFF, "detention", c.id()));
        assertEquals("corrected", last.action());
        assertEquals("custodyStatus", last.field());
        assertEquals("DETAINED", last.oldValue());
        assertEquals("RELEASED", last.newValue());
        assertEquals("Released on bond on 3 March; EID not yet updated", last.detail());
        var event = audit.recorded.get(audited).event();
        assertEquals("update", event.action());
        assertEquals("success", event.outcome());
        assertTrue(event.detail().contains("Released on bond"), event.detail());
    }

    @Test
    void aConnectorRecordsItsValueAndOnlyItsOwn() {
        CaseRecord c = open();
        List<CaseEvent> heard = new ArrayList<>();
        registry.addCaseListener(heard::add, Map.of(CaseListener.TYPES, "detention"));
        Instant fetched = Instant.parse("2026-03-10T11:58:00Z");
        CaseRecord r = engine.recordSourceValue(EID_CONNECTOR, "detention", c.id(), "custodyStatus", "EID",
                "RELEASED", fetched);
        assertEquals("RELEASED", r.fields().get("custodyStatus"));
        assertEquals(new FieldProvenance("EID", Origin.SOURCE, fetched, NOW, "connector-eid", null),
                r.provenance().get("custodyStatus"));
        assertEquals(Set.of("custodyStatus"), heard.get(0).changed());
        HistoryEntry last = last(engine.history(STAFF, "detention", c.id()));
        assertEquals("source-updated", last.action());
        assertEquals("EID, fetched 2026-03-10T11:58:00Z", last.detail());

        // the same value again renews the provenance only
        int entries = engine.history(STAFF, "detention", c.id()).size();
        Instant later = Instant.parse("2026-03-10T11:59:00Z");
        CaseRecord again = engine.recordSourceValue(EID_CONNECTOR, "detention", c.id(), "custodyStatus", "EID",
                "RELEASED", later);
        assertEquals(later, again.provenance().get("custodyStatus").fetchedAt());
        assertEquals(entries, engine.history(STAFF, "detention", c.id()).size());

        assertEquals("source", assertThrows(ValidationException.class, () -> engine.recordSourceValue(EID_CONNECTOR,
                "detention", c.id(), "aNumber", "EID", "987654321", later)).errors().get(0).field());
        assertThrows(ForbiddenException.class, () -> engine.recordSourceValue(STAFF, "detention", c.id(),
                "custodyStatus", "EID", "DETAINED", later));
        assertEquals("value", assertThrows(ValidationException.class, () -> engine.recordSourceValue(EID_CONNECTOR,
                "detention", c.id(), "custodyStatus", "EID", "GONE", later)).errors().get(0).field());
    }

    @Test
    void runningSourcesAreAskedWhenACaseOpensAndOnRefresh() {
        List<AuthoritativeSource.Lookup> asked = new ArrayList<>();
        Map<String, Object> eidSays = new HashMap<>(Map.of("custodyStatus", "RELEASED"));
        sources.addSource(request -> {
            asked.add(request);
            Map<String, AuthoritativeSource.SourceValue> out = new HashMap<>();
            eidSays.forEach((k, v) -> out.put(k, new AuthoritativeSource.SourceValue(v, Instant.parse("2026-03-10T11:00:00Z"))));
            return out;
        }, Map.of(AuthoritativeSource.PROPERTY, "EID"));
        sources.addSource(request -> {
            throw new IllegalStateException("IRIES is down");
        }, Map.of(AuthoritativeSource.PROPERTY, "IRIES"));

        CaseRecord c = open();
        assertEquals(Set.of("custodyStatus"), asked.get(0).fields());
        assertEquals("123456789", asked.get(0).values().get("aNumber"));
        assertEquals("RELEASED", c.fields().get("custodyStatus"), "the creator sees the source's value at once");
        assertEquals(Origin.SOURCE, c.provenance().get("custodyStatus").origin());
        assertEquals("source:EID", c.provenance().get("custodyStatus").recordedBy());
        assertEquals(Origin.ENTERED, c.provenance().get("aNumber").origin(), "a failing source changes nothing");

        eidSays.put("custodyStatus", "DETAINED");
        eidSays.put("aNumber", "111111111");
        CaseRecord refreshed = engine.refreshFromSources(STAFF, "detention", c.id());
        assertEquals("DETAINED", refreshed.fields().get("custodyStatus"));
        assertEquals("123456789", refreshed.fields().get("aNumber"), "EID may not set a field IRIES owns");
        assertThrows(NotFoundException.class, () -> engine.refreshFromSources(
                new Caller("oz", "oz", Set.of("other"), Set.of(), false, false), "detention", c.id()));
    }

    private static HistoryEntry last(List<HistoryEntry> history) {
        return history.get(history.size() - 1);
    }
}
