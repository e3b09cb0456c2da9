package org.casework.core.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseQuery;
import org.casework.core.api.CaseRecord;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.HistoryEntry;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.PayloadTooLargeException;
import org.casework.core.api.StateException;
import org.casework.core.api.ValidationException;
import org.casework.core.api.spi.CaseAction;
import org.casework.core.api.spi.CaseEvent;
import org.casework.core.api.spi.CaseListener;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.TransitionDefinition;
import org.casework.core.impl.internal.validation.ContentSniffer;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine against real JPA on in-memory Derby, with its own migration applied. */
class CaseEngineTest {

    static final CaseTypeDefinition SAMPLE = CaseTypeDefinition.builder("sample")
            .label("Sample", "Samples").numberPrefix("SA").titleField("subject")
            .field(FieldDefinition.text("subject", "Subject").required().searchable())
            .field(FieldDefinition.number("amount", "Amount"))
            .field(FieldDefinition.aNumber("aNumber", "A-Number"))
            .field(FieldDefinition.person("person", "Person"))
            .field(FieldDefinition.caseReference("related", "Related case"))
            .state("OPEN", "Open").state("WORKING", "Working").closedState("CLOSED", "Closed")
            .transition("start", "Start", "WORKING", "OPEN")
            .transition("close", "Close", "CLOSED", "WORKING")
            .transition(new TransitionDefinition("reopen", "Reopen", Set.of("CLOSED"), "WORKING", Set.of("manager"), true))
            .allow(CaseAction.CREATE, "staff").allow(CaseAction.READ, "staff", "viewer").allow(CaseAction.UPDATE, "staff")
            .build();

    static final Caller STAFF = caller("sam", "staff");
    static final Caller VIEWER = caller("val", "viewer");
    static final Caller OUTSIDER = caller("oz", "other");
    static final Caller MANAGER = caller("meg", "staff", "manager");

    private DerbyJpaTemplate jpa;
    private CaseEngine engine;
    private CaseTypeRegistry registry;

    static Caller caller(String name, String... roles) {
        return new Caller(name, name, Set.of(roles), Set.of(), false, false);
    }

    static CaseEngine.Config config(long maxBytes) {
        return new CaseEngine.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CaseEngine.Config.class;
            }

            @Override
            public long attachmentMaxBytes() {
                return maxBytes;
            }

            @Override
            public String[] attachmentTypes() {
                return new String[] {ContentSniffer.PDF, ContentSniffer.TEXT};
            }
        };
    }

    private RecordingAuditService audit;

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-core-test", "V1__case_engine.derby.sql", "V2__owner_division.derby.sql",
                "V3__field_provenance.derby.sql");
        registry = new CaseTypeRegistry();
        registry.addCaseType(() -> SAMPLE, Map.of(CaseType.PROPERTY, "sample"));
        audit = new RecordingAuditService();
        engine = new CaseEngine(jpa, registry, audit, new FakeAccessPolicy(), config(1024),
                Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    @Test
    void auditsChangesViewsAndDenials() {
        CaseRecord c = newCase("Roof");
        engine.update(STAFF, "sample", c.id(), c.version(), Map.of("subject", "Roof and wall"));
        engine.get(STAFF, "sample", c.id());
        assertThrows(NotFoundException.class, () -> engine.get(OUTSIDER, "sample", c.id()));
        List<String> seen = audit.recorded.stream()
                .map(r -> r.actor() + " " + r.event().action() + " " + r.event().outcome()).toList();
        assertEquals(List.of("sam create success", "sam update success", "sam view success", "oz view denied"), seen);
        AuditEvent update = audit.recorded.get(1).event();
        assertEquals(List.of(new FieldChange("subject", "Roof", "Roof and wall")), update.changes());
        assertEquals(String.valueOf(c.id()), update.recordId());
    }

    private CaseRecord newCase(String subject) {
        return engine.create(STAFF, "sample", Map.of("subject", subject));
    }

    @Test
    void listenersHearEverySaveOfTheirTypeWithAllStoredValues() {
        List<CaseEvent> heard = new ArrayList<>();
        registry.addCaseListener(heard::add, Map.of(CaseListener.TYPES, "sample"));
        registry.addCaseListener(e -> { throw new AssertionError("not my type"); },
                Map.of(CaseListener.TYPES, new String[] {"other"}));
        CaseRecord c = newCase("Heard");
        CaseRecord u = engine.update(STAFF, "sample", c.id(), c.version(), Map.of("amount", 7));
        CaseRecord t = engine.transition(STAFF, "sample", c.id(), u.version(), "start", null);
        engine.assign(STAFF, "sample", c.id(), t.version(), "ann", null);
        assertEquals(List.of(CaseEvent.Kind.CREATED, CaseEvent.Kind.UPDATED, CaseEvent.Kind.TRANSITIONED,
                CaseEvent.Kind.ASSIGNED), heard.stream().map(CaseEvent::kind).toList());
        assertEquals(Set.of("amount"), heard.get(1).changed());
        assertEquals("Heard", heard.get(1).values().get("subject"));
        assertEquals("WORKING", heard.get(2).status());
        assertEquals("ann", heard.get(3).assignee());
        assertEquals(c.number(), heard.get(3).number());
    }

    @Test
    void aListenerRefusingTheSaveUndoesIt() {
        registry.addCaseListener(e -> {
            throw new ValidationException("fields.subject", "duplicate", "Already there.");
        }, Map.of());
        assertThrows(ValidationException.class, () -> engine.create(STAFF, "sample", Map.of("subject", "Twice")));
        assertEquals(0, engine.search(STAFF, "sample", CaseQuery.all(10)).total());
    }

    @Test
    void createIssuesANumberAndStartsInTheInitialState() {
        CaseRecord c = newCase("First");
        assertTrue(c.number().matches("SA-2026-\\d{6}"), c.number());
        assertEquals("OPEN", c.status());
        assertEquals("First", c.title());
        assertEquals(c, engine.get(VIEWER, "sample", c.id()));
        assertEquals(c.id(), engine.getByNumber(VIEWER, c.number()).id());
    }

    @Test
    void invalidInputWritesNothing() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> engine.create(STAFF, "sample", Map.of("subject", "x", "amount", "ten")));
        assertEquals("fields.amount", e.errors().get(0).field());
        assertEquals(0, engine.search(STAFF, "sample", CaseQuery.all(10)).total());
    }

    @Test
    void updateRecordsHistoryAndStaleVersionConflicts() {
        CaseRecord c = newCase("Before");
        CaseRecord u = engine.update(STAFF, "sample", c.id(), c.version(), Map.of("subject", "After", "amount", 5));
        assertEquals(c.version() + 1, u.version());
        List<HistoryEntry> h = engine.history(STAFF, "sample", c.id());
        assertEquals(List.of("created", "updated", "updated"), h.stream().map(HistoryEntry::action).toList());
        HistoryEntry subject = h.stream().filter(x -> "subject".equals(x.field())).findFirst().orElseThrow();
        assertEquals("Before", subject.oldValue());
        assertEquals("After", subject.newValue());

        ConflictException stale = assertThrows(ConflictException.class,
                () -> engine.update(STAFF, "sample", c.id(), c.version(), Map.of("subject", "Lost")));
        assertEquals(u.version(), stale.currentVersion());
        assertEquals("After", engine.get(STAFF, "sample", c.id()).fields().get("subject"));
    }

    @Test
    void unchangedUpdateKeepsTheVersion() {
        CaseRecord c = engine.create(STAFF, "sample", Map.of("subject", "Same", "amount", 2.50));
        CaseRecord u = engine.update(STAFF, "sample", c.id(), c.version(), Map.of("subject", "Same", "amount", 2.5));
        assertEquals(c.version(), u.version());
    }

    @Test
    void workflowAllowsOnlyItsTransitions() {
        CaseRecord c = newCase("Flow");
        StateException early = assertThrows(StateException.class,
                () -> engine.transition(STAFF, "sample", c.id(), c.version(), "close", null));
        assertEquals("notAllowed", early.errors().get(0).rule());
        CaseRecord w = engine.transition(STAFF, "sample", c.id(), c.version(), "start", null);
        assertEquals("WORKING", w.status());
        CaseRecord closed = engine.transition(STAFF, "sample", c.id(), w.version(), "close", null);
        assertTrue(closed.closed());
        assertThrows(ForbiddenException.class,
                () -> engine.transition(STAFF, "sample", c.id(), closed.version(), "reopen", "new facts"));
        assertThrows(ValidationException.class,
                () -> engine.transition(MANAGER, "sample", c.id(), closed.version(), "reopen", " "));
        CaseRecord reopened = engine.transition(MANAGER, "sample", c.id(), closed.version(), "reopen", "new facts");
        assertEquals("WORKING", reopened.status());
        assertTrue(engine.notes(STAFF, "sample", c.id()).get(0).text().contains("new facts"));
        assertThrows(ValidationException.class,
                () -> engine.transition(STAFF, "sample", c.id(), reopened.version(), "fly", null));
    }

    @Test
    void callersWithoutReadSeeNothing() {
        CaseRecord c = newCase("Hidden");
        assertThrows(NotFoundException.class, () -> engine.get(OUTSIDER, "sample", c.id()));
        assertThrows(NotFoundException.class, () -> engine.search(OUTSIDER, "sample", CaseQuery.all(10)));
        assertTrue(engine.caseTypes(OUTSIDER).isEmpty());
        assertThrows(ForbiddenException.class,
                () -> engine.update(VIEWER, "sample", c.id(), c.version(), Map.of("subject", "no")));
        assertThrows(ForbiddenException.class, () -> engine.create(VIEWER, "sample", Map.of("subject", "no")));
    }

    @Test
    void searchFiltersSortsAndPages() {
        engine.create(STAFF, "sample", Map.of("subject", "Detention visit", "amount", 30, "aNumber", "A123-456-789"));
        engine.create(STAFF, "sample", Map.of("subject", "Medical care", "amount", 4));
        engine.create(STAFF, "sample", Map.of("subject", "Visit report", "amount", 200,
                "person", Map.of("fullName", "José Núñez")));

        Page<CaseRecord> visits = engine.search(STAFF, "sample",
                new CaseQuery("visit", null, null, Map.of(), 0, 10, "amount", true));
        assertEquals(2, visits.total());
        assertEquals(List.of("Detention visit", "Visit report"), visits.items().stream().map(CaseRecord::title).toList());

        Page<CaseRecord> byAmountDesc = engine.search(STAFF, "sample", new CaseQuery(null, null, null, Map.of(), 0, 2, "amount", false));
        assertEquals(3, byAmountDesc.total());
        assertEquals(List.of("Visit report", "Detention visit"), byAmountDesc.items().stream().map(CaseRecord::title).toList());

        assertEquals(1, engine.search(STAFF, "sample",
                new CaseQuery(null, null, null, Map.of("aNumber", "123456789"), 0, 10, null, false)).total());
        assertEquals(1, engine.search(STAFF, "sample", new CaseQuery("jose nunez", null, null, Map.of(), 0, 10, null, false)).total());
        assertEquals(1, engine.search(STAFF, "sample",
                new CaseQuery(null, null, null, Map.of("person", "JOSE NUNEZ"), 0, 10, null, false)).total());

        ValidationException bad = assertThrows(ValidationException.class, () -> engine.search(STAFF, "sample",
                new CaseQuery(null, "NOPE", null, Map.of("colour", "red"), -1, 500, "shoeSize", true)));
        assertEquals(Set.of("page", "size", "sort", "status", "f.colour"),
                Set.copyOf(bad.errors().stream().map(e -> e.field()).toList()));
    }

    @Test
    void renamedPersonKeepsOldNameAndIsFoundByIt() {
        CaseRecord c = engine.create(STAFF, "sample", Map.of("subject", "s", "person", Map.of("fullName", "Ana Ruiz")));
        CaseRecord u = engine.update(STAFF, "sample", c.id(), c.version(),
                Map.of("person", Map.of("fullName", "Ana Ruiz Soto")));
        assertEquals(List.of("Ana Ruiz"), ((Map<?, ?>) u.fields().get("person")).get("aliases"));
        assertEquals(1, engine.search(STAFF, "sample",
                new CaseQuery(null, null, null, Map.of("person", "ana ruiz"), 0, 10, null, false)).total());
    }

    @Test
    void attachmentsAreSniffedAndLimited() {
        CaseRecord c = newCase("Files");
        var a = engine.addAttachment(STAFF, "sample", c.id(), "letter.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 hello".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/pdf", a.contentType());
        assertEquals("%PDF-1.4 hello", new String(engine.attachment(STAFF, "sample", c.id(), a.id()).content(), StandardCharsets.US_ASCII));

        ValidationException exe = assertThrows(ValidationException.class, () -> engine.addAttachment(STAFF, "sample",
                c.id(), "invoice.pdf", "application/pdf", new ByteArrayInputStream(new byte[] {'M', 'Z', 1, 2})));
        assertEquals("executable", exe.errors().get(0).rule());
        ValidationException mismatch = assertThrows(ValidationException.class, () -> engine.addAttachment(STAFF, "sample",
                c.id(), "notes.pdf", "application/pdf", new ByteArrayInputStream("plain words".getBytes(StandardCharsets.UTF_8))));
        assertEquals("contentTypeMismatch", mismatch.errors().get(0).rule());
        assertThrows(PayloadTooLargeException.class, () -> engine.addAttachment(STAFF, "sample", c.id(), "big.txt",
                "text/plain", new ByteArrayInputStream("a".repeat(2000).getBytes(StandardCharsets.US_ASCII))));
        assertThrows(ValidationException.class, () -> engine.addAttachment(STAFF, "sample", c.id(), "../etc/passwd",
                "text/plain", new ByteArrayInputStream("a".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(1, engine.attachments(STAFF, "sample", c.id()).size());
    }

    @Test
    void linksShowOnBothCasesAndReferencesMustExist() {
        CaseRecord a = newCase("A");
        CaseRecord b = newCase("B");
        engine.link(STAFF, "sample", a.id(), b.id(), "related");
        assertEquals(a.number(), engine.links(STAFF, "sample", b.id()).get(0).otherNumber());
        assertThrows(ValidationException.class, () -> engine.link(STAFF, "sample", a.id(), b.id(), "related"));
        assertThrows(ValidationException.class, () -> engine.link(STAFF, "sample", a.id(), a.id(), "related"));
        Map<String, Object> ref = new HashMap<>();
        ref.put("related", 999_999);
        ValidationException missing = assertThrows(ValidationException.class,
                () -> engine.update(STAFF, "sample", a.id(), a.version(), ref));
        assertEquals("reference", missing.errors().get(0).rule());
        assertEquals((long) b.id(), engine.update(STAFF, "sample", a.id(), a.version(), Map.of("related", b.id())).fields().get("related"));
    }

    @Test
    void assignmentIsValidatedAndRecorded() {
        CaseRecord c = newCase("Assign");
        CaseRecord a = engine.assign(STAFF, "sample", c.id(), c.version(), "ana", "intake");
        assertEquals("ana", a.assignee());
        assertEquals(1, engine.search(STAFF, "sample", new CaseQuery(null, null, "ana", Map.of(), 0, 10, null, false)).total());
        CaseRecord cleared = engine.assign(STAFF, "sample", c.id(), a.version(), " ", null);
        assertNull(cleared.assignee());
        CaseworkException bad = assertThrows(ValidationException.class,
                () -> engine.assign(STAFF, "sample", c.id(), cleared.version(), "a b", null));
        assertEquals("assignee", bad.errors().get(0).field());
    }
}
