package org.casework.core.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseQuery;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.HistoryEntry;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Need-to-know per case and field-level security, with the engine on real JPA and an access
 * policy that applies permission scopes and grants.
 */
class NeedToKnowTest {

    /** A type granted to nobody by role: only the access policy opens it. */
    static final CaseTypeDefinition MATTER = CaseTypeDefinition.builder("matter")
            .label("Matter", "Matters").numberPrefix("MA").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required().searchable())
            .field(FieldDefinition.text("sensitive", "Sensitive notes").searchable().readableOnlyBy("division:nsl"))
            .field(FieldDefinition.text("classification", "Classification").editableBy("division:nsl"))
            .state("OPEN", "Open").closedState("CLOSED", "Closed")
            .transition("close", "Close", "CLOSED", "OPEN")
            .build();

    /** A type opened by its own role lists (the way of version 1.0), for the fail-closed check. */
    static final CaseTypeDefinition LEGACY = CaseTypeDefinition.builder("legacy")
            .label("Legacy", "Legacies").numberPrefix("LE").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required())
            .state("OPEN", "Open")
            .allow(CaseAction.CREATE, "staff").allow(CaseAction.READ, "staff").allow(CaseAction.UPDATE, "staff")
            .build();

    static final Set<String> DIVISION_WORK = Set.of("case.matter:create", "case.matter:read:division",
            "case.matter:update:division");

    static final Caller ANA = caller("ana", Set.of("immigration"), DIVISION_WORK);
    static final Caller BOB = caller("bob", Set.of("civil"), DIVISION_WORK);
    static final Caller NINA = caller("nina", Set.of("nsl"), Set.of("case.matter:*"));
    /** Reads and changes every matter, but is not in the division the sensitive field is for. */
    static final Caller ALL = caller("al", Set.of("immigration"), Set.of("case.matter:*"));
    static final Caller READER = caller("rita", Set.of("immigration"), Set.of("case.matter:read"));
    static final Caller TWO = caller("tess", Set.of("immigration", "civil"), DIVISION_WORK);
    static final Caller STAFF = new Caller("sam", "sam", Set.of("staff"), Set.of(), false, false);
    static final Caller ADMIN = Caller.system("job");

    private DerbyJpaTemplate jpa;
    private CaseTypeRegistry registry;
    private RecordingAuditService audit;
    private FakeAccessPolicy policy;
    private CaseEngine engine;

    static Caller caller(String name, Set<String> divisions, Set<String> permissions) {
        return new Caller(name, name, Set.of("staff-" + name), divisions, false, false, permissions);
    }

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-core-test", "V1__case_engine.derby.sql", "V2__owner_division.derby.sql",
                "V3__field_provenance.derby.sql");
        registry = new CaseTypeRegistry();
        registry.addCaseType(() -> MATTER, Map.of(CaseType.PROPERTY, "matter"));
        registry.addCaseType(() -> LEGACY, Map.of(CaseType.PROPERTY, "legacy"));
        audit = new RecordingAuditService();
        policy = new FakeAccessPolicy();
        engine = engine(policy);
    }

    private CaseEngine engine(FakeAccessPolicy p) {
        return new CaseEngine(jpa, registry, audit, p, CaseEngineTest.config(1024),
                Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private CaseRecord open(Caller who, String subject) {
        return engine.create(who, "matter", Map.of("subject", subject));
    }

    private static Page<CaseRecord> all(CaseEngine e, Caller who) {
        return e.search(who, "matter", CaseQuery.all(50));
    }

    @Test
    void hiddenCaseAnswersNotFoundEverywhereAndTheDenialIsAudited() {
        CaseRecord c = open(ANA, "Asylum appeal");
        assertEquals("immigration", c.ownerDivision());
        assertThrows(NotFoundException.class, () -> engine.get(BOB, "matter", c.id()));
        AuditEvent denied = audit.recorded.get(audit.recorded.size() - 1).event();
        assertEquals(AuditEvent.DENIED, denied.outcome());
        assertEquals("view", denied.action());
        assertEquals(String.valueOf(c.id()), denied.recordId());
        assertThrows(NotFoundException.class, () -> engine.getByNumber(BOB, c.number()));
        assertThrows(NotFoundException.class, () -> engine.history(BOB, "matter", c.id()));
        assertThrows(NotFoundException.class, () -> engine.notes(BOB, "matter", c.id()));
        assertThrows(NotFoundException.class, () -> engine.attachments(BOB, "matter", c.id()));
        assertThrows(NotFoundException.class, () -> engine.links(BOB, "matter", c.id()));
        assertThrows(NotFoundException.class, () -> engine.update(BOB, "matter", c.id(), c.version(),
                Map.of("subject", "taken over")));
        assertThrows(NotFoundException.class, () -> engine.addNote(BOB, "matter", c.id(), "hello"));
        assertThrows(NotFoundException.class, () -> engine.transition(BOB, "matter", c.id(), c.version(), "close", null));
        assertEquals("Asylum appeal", engine.get(ANA, "matter", c.id()).title());
        long denials = audit.recorded.stream().filter(r -> r.actor().equals("bob")
                && r.event().outcome().equals(AuditEvent.DENIED)).count();
        assertEquals(9, denials);
    }

    @Test
    void listsLeaveHiddenCasesOutAndCountOnlyWhatIsShown() {
        open(ANA, "One");
        open(ANA, "Two");
        CaseRecord civil = open(BOB, "Three");
        Page<CaseRecord> bobs = all(engine, BOB);
        assertEquals(1, bobs.total());
        assertEquals(List.of(civil.id()), bobs.items().stream().map(CaseRecord::id).toList());
        Page<CaseRecord> firstOfAna = engine.search(ANA, "matter", CaseQuery.all(1));
        assertEquals(2, firstOfAna.total());
        assertEquals(1, firstOfAna.items().size());
        assertEquals(3, all(engine, ALL).total());
        assertEquals(3, all(engine, ADMIN).total());
        assertEquals(0, engine.search(BOB, "matter", new CaseQuery("one", null, null, Map.of(), 0, 10, null, false)).total());
    }

    @Test
    void callerWithoutReadGetsAnEmptyAuditedList() {
        Caller intake = caller("ida", Set.of(), Set.of("case.matter:create"));
        open(ANA, "Not yours");
        CaseRecord own = engine.create(intake, "matter", Map.of("subject", "Mine"));
        assertNull(own.ownerDivision());
        assertEquals(0, all(engine, intake).total());
        assertEquals("search", audit.recorded.get(audit.recorded.size() - 1).event().action());
        assertThrows(NotFoundException.class, () -> engine.get(intake, "matter", own.id()));
    }

    @Test
    void theOwningDivisionIsTheOneNamedOrTheCallersOnlyOne() {
        ValidationException none = assertThrows(ValidationException.class,
                () -> engine.create(TWO, "matter", Map.of("subject", "Which?"), null));
        assertEquals("division", none.errors().get(0).field());
        assertEquals("civil", engine.create(TWO, "matter", Map.of("subject", "Civil"), "civil").ownerDivision());
        ValidationException foreign = assertThrows(ValidationException.class,
                () -> engine.create(TWO, "matter", Map.of("subject", "NSL"), "nsl"));
        assertEquals("division", foreign.errors().get(0).field());
        assertEquals("nsl", engine.create(ADMIN, "matter", Map.of("subject", "By admin"), "nsl").ownerDivision());
        assertEquals(1, all(engine, BOB).total());
        assertEquals(2, all(engine, NINA).total());
        assertNull(engine.create(STAFF, "legacy", Map.of("subject", "No division")).ownerDivision());
    }

    @Test
    void grantsWidenOneCaseAndAreTakenBack() {
        CaseRecord c = open(ANA, "Shared");
        assertThrows(NotFoundException.class, () -> engine.grant(BOB, "matter", c.id(), "bob", "read"));
        engine.grant(ANA, "matter", c.id(), "bob", "read");
        assertEquals(1, engine.grants(ANA, "matter", c.id()).size());
        assertEquals("Shared", engine.get(BOB, "matter", c.id()).title());
        assertEquals(1, all(engine, BOB).total());
        assertThrows(ForbiddenException.class, () -> engine.update(BOB, "matter", c.id(), c.version(),
                Map.of("subject", "changed")));
        assertThrows(ForbiddenException.class, () -> engine.grant(BOB, "matter", c.id(), "al", "read"));
        engine.grant(ANA, "matter", c.id(), "bob", "update");
        assertEquals("changed", engine.update(BOB, "matter", c.id(), c.version(), Map.of("subject", "changed")).title());
        engine.revoke(ANA, "matter", c.id(), "bob", "read");
        engine.revoke(ANA, "matter", c.id(), "bob", "update");
        assertThrows(NotFoundException.class, () -> engine.get(BOB, "matter", c.id()));
        assertEquals(0, all(engine, BOB).total());
    }

    @Test
    void readingWithoutUpdateIsForbiddenToChange() {
        CaseRecord c = open(ANA, "Look only");
        assertEquals("Look only", engine.get(READER, "matter", c.id()).title());
        assertThrows(ForbiddenException.class, () -> engine.update(READER, "matter", c.id(), c.version(),
                Map.of("subject", "no")));
        assertThrows(ForbiddenException.class, () -> engine.transition(READER, "matter", c.id(), c.version(), "close", null));
        assertThrows(ForbiddenException.class, () -> engine.assign(READER, "matter", c.id(), c.version(), "rita", null));
        assertThrows(ForbiddenException.class, () -> engine.create(READER, "matter", Map.of("subject", "no")));
    }

    @Test
    void linksToCasesTheCallerCannotReadAreLeftOut() {
        CaseRecord a = open(ANA, "A");
        CaseRecord b = open(BOB, "B");
        engine.link(ALL, "matter", a.id(), b.id(), "related");
        assertEquals(1, engine.links(ALL, "matter", a.id()).size());
        assertTrue(engine.links(ANA, "matter", a.id()).isEmpty());
    }

    @Test
    void withoutAnAccessPolicyOnlyTheTypesRolesAndAdministratorsGetThrough() {
        CaseEngine closed = engine(null);
        CaseRecord c = open(ANA, "Policy gone");
        assertThrows(NotFoundException.class, () -> closed.get(ANA, "matter", c.id()));
        assertThrows(NotFoundException.class, () -> closed.search(ANA, "matter", CaseQuery.all(10)));
        assertTrue(closed.caseTypes(ANA).isEmpty());
        assertEquals("Policy gone", closed.get(ADMIN, "matter", c.id()).title());
        assertEquals("Still here", closed.create(STAFF, "legacy", Map.of("subject", "Still here")).title());
        assertTrue(closed.grants(ADMIN, "matter", c.id()).isEmpty());
        assertEquals(503, assertThrows(CaseworkException.class,
                () -> closed.grant(ADMIN, "matter", c.id(), "bob", "read")).status());
    }

    // ---- fields ----------------------------------------------------------------------------

    private CaseRecord sensitiveCase() {
        CaseRecord c = engine.create(NINA, "matter", Map.of("subject", "Watch list", "sensitive", "codeword kestrel"));
        return engine.update(NINA, "matter", c.id(), c.version(), Map.of("sensitive", "codeword falcon"));
    }

    @Test
    void aFieldTheCallerMayNotReadIsAbsentFromRecordsListsAndHistory() {
        CaseRecord c = sensitiveCase();
        assertEquals("codeword falcon", c.fields().get("sensitive"));
        CaseRecord seen = engine.get(ALL, "matter", c.id());
        assertFalse(seen.fields().containsKey("sensitive"));
        assertEquals("Watch list", seen.fields().get("subject"));
        assertFalse(all(engine, ALL).items().get(0).fields().containsKey("sensitive"));
        List<HistoryEntry> history = engine.history(ALL, "matter", c.id());
        assertTrue(history.stream().noneMatch(h -> "sensitive".equals(h.field())), history.toString());
        assertTrue(engine.history(NINA, "matter", c.id()).stream().anyMatch(h -> "sensitive".equals(h.field())));
        CaseRecord updated = engine.update(ALL, "matter", c.id(), c.version(), Map.of("subject", "Renamed"));
        assertFalse(updated.fields().containsKey("sensitive"));
    }

    @Test
    void writingARestrictedFieldIsRefusedAuditedAndWritesNothing() {
        CaseRecord c = sensitiveCase();
        CaseworkException e = assertThrows(CaseworkException.class, () -> engine.update(ALL, "matter", c.id(),
                c.version(), Map.of("subject", "Sneaky", "sensitive", "codeword falcon", "classification", "low")));
        assertEquals(403, e.status());
        assertEquals("forbidden-field", e.problemType());
        assertEquals(Set.of("fields.sensitive", "fields.classification"),
                Set.copyOf(e.errors().stream().map(x -> x.field()).toList()));
        AuditEvent denied = audit.recorded.get(audit.recorded.size() - 1).event();
        assertEquals(AuditEvent.DENIED, denied.outcome());
        assertTrue(denied.detail().contains("fields.sensitive"), denied.detail());
        assertFalse(denied.detail().contains("falcon"), denied.detail());
        CaseRecord after = engine.get(NINA, "matter", c.id());
        assertEquals(c.version(), after.version());
        assertEquals("Watch list", after.fields().get("subject"));

        long before = all(engine, ADMIN).total();
        CaseworkException onCreate = assertThrows(CaseworkException.class,
                () -> engine.create(ALL, "matter", Map.of("subject", "New", "sensitive", "x")));
        assertEquals(403, onCreate.status());
        assertEquals(before, all(engine, ADMIN).total());
        assertEquals("high", engine.update(NINA, "matter", c.id(), c.version(), Map.of("classification", "high"))
                .fields().get("classification"));
    }

    @Test
    void anUpdateByACallerWhoCannotSeeAFieldKeepsItsValue() {
        CaseRecord c = sensitiveCase();
        engine.update(ALL, "matter", c.id(), c.version(), Map.of("subject", "Renamed"));
        CaseRecord after = engine.get(NINA, "matter", c.id());
        assertEquals("Renamed", after.fields().get("subject"));
        assertEquals("codeword falcon", after.fields().get("sensitive"));
    }

    @Test
    void aFieldTheCallerMayNotReadCannotBeFilteredSortedOrWordSearched() {
        sensitiveCase();
        ValidationException filter = assertThrows(ValidationException.class, () -> engine.search(ALL, "matter",
                new CaseQuery(null, null, null, Map.of("sensitive", "codeword falcon"), 0, 10, null, false)));
        assertEquals("f.sensitive", filter.errors().get(0).field());
        assertEquals("unknown", filter.errors().get(0).rule());
        ValidationException sort = assertThrows(ValidationException.class, () -> engine.search(ALL, "matter",
                new CaseQuery(null, null, null, Map.of(), 0, 10, "sensitive", true)));
        assertEquals("sort", sort.errors().get(0).field());
        assertEquals(0, engine.search(ALL, "matter", new CaseQuery("falcon", null, null, Map.of(), 0, 10, null, false)).total());
        assertEquals(0, engine.search(NINA, "matter", new CaseQuery("falcon", null, null, Map.of(), 0, 10, null, false)).total());
        assertEquals(1, engine.search(NINA, "matter",
                new CaseQuery(null, null, null, Map.of("sensitive", "codeword falcon"), 0, 10, "sensitive", true)).total());
    }
}
