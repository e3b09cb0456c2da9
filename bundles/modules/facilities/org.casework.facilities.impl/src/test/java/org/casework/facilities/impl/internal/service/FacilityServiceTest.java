package org.casework.facilities.impl.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditPage;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.audit.api.Verification;
import org.casework.core.api.Caller;
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.FacilityInput;
import org.casework.facilities.api.FacilityQuery;
import org.casework.facilities.api.FacilityRecord;
import org.casework.facilities.api.ImportResult;
import org.casework.facilities.api.PointOfContact;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service on real JPA over in-memory Derby with this bundle's migration. */
class FacilityServiceTest {

    private static final Caller EDITOR = new Caller("po", "Product Owner", Set.of("product-owner"), Set.of(),
            false, false, Set.of("facilities:update"));
    private static final Caller READER = new Caller("ana", "Analyst", Set.of("analyst"), Set.of(),
            false, false, Set.of("facilities:read"));
    private static final Caller NOBODY = new Caller("sam", "Staff", Set.of("staff"), Set.of(),
            false, false, Set.of("case.congress:read"));

    /** Keeps what the service audits. */
    static final class RecordingAudit implements AuditService {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void record(Caller caller, AuditEvent event) {
            events.add(event);
        }

        @Override
        public AuditPage search(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> history(String recordType, String recordId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Verification verify() {
            throw new UnsupportedOperationException();
        }
    }

    private DerbyJpaTemplate jpa;
    private RecordingAudit audit;
    private FacilityServiceImpl service;

    @BeforeEach
    void start() throws Exception {
        jpa = new DerbyJpaTemplate("casework-facilities-test", "V1__facilities.derby.sql");
        audit = new RecordingAudit();
        service = new FacilityServiceImpl(jpa, audit,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        jpa.close();
    }

    private static FacilityInput input(String code, String name, Long version) {
        return new FacilityInput(code, name, "County", "Jail", "1 Main St", "Detroit", null, null, version);
    }

    @Test
    void createReadUpdateWithVersionsAndAudit() {
        FacilityRecord created = service.create(EDITOR, input("mcj", "Maple Jail", null));
        assertEquals("MCJ", created.code());
        assertTrue(created.active());
        assertTrue(created.inJurisdiction());
        assertEquals("po", created.updatedBy());
        assertEquals("create", audit.events.get(0).action());
        assertTrue(audit.events.get(0).changes().contains(new FieldChange("name", null, "Maple Jail")));

        assertEquals("Maple Jail", service.find("mcj").orElseThrow().name());
        assertEquals("Maple Jail", service.get(READER, "Mcj").orElseThrow().name());

        FacilityRecord updated = service.update(EDITOR, "mcj", new FacilityInput(null, "Maple County Jail",
                "County", "Jail", "1 Main St", "Detroit", Boolean.FALSE, null, created.version()));
        assertFalse(updated.inJurisdiction());
        assertTrue(updated.version() > created.version());
        AuditEvent update = audit.events.get(1);
        assertEquals("update", update.action());
        assertEquals("MCJ", update.recordId());
        assertEquals(List.of(new FieldChange("name", "Maple Jail", "Maple County Jail"),
                new FieldChange("inJurisdiction", "true", "false")), update.changes());

        // an edit of the version read before is refused and changes nothing
        ConflictException conflict = assertThrows(ConflictException.class, () -> service.update(EDITOR, "MCJ",
                input(null, "Stale", created.version())));
        assertEquals(updated.version(), conflict.currentVersion());
        assertEquals("Maple County Jail", service.find("MCJ").orElseThrow().name());

        ValidationException duplicate = assertThrows(ValidationException.class,
                () -> service.create(EDITOR, input("MCJ", "Again", null)));
        assertEquals("code", duplicate.errors().get(0).field());
    }

    @Test
    void deactivateKeepsTheFacility() {
        FacilityRecord created = service.create(EDITOR, input("OLD", "Old Mill", null));
        FacilityRecord inactive = service.deactivate(EDITOR, "old", created.version());
        assertFalse(inactive.active());
        assertFalse(service.find("OLD").orElseThrow().active());
        assertEquals("deactivate", audit.events.get(audit.events.size() - 1).action());
        assertThrows(ConflictException.class, () -> service.deactivate(EDITOR, "OLD", created.version()));
        assertThrows(NotFoundException.class, () -> service.deactivate(EDITOR, "NONE", 1));
    }

    @Test
    void permissionsAreCheckedByTheServiceToo() {
        assertThrows(ForbiddenException.class, () -> service.create(READER, input("A", "A", null)));
        assertThrows(ForbiddenException.class, () -> service.list(NOBODY, new FacilityQuery(null, null, null,
                null, false, 0, 20)));
        assertEquals("denied", audit.events.get(1).action());
    }

    @Test
    void listsPageSortSearchAndFilter() {
        service.importCsv(EDITOR, new StringReader("code,name,areaOfResponsibility,inJurisdiction,active\n"
                + "C,Cedar Hold,Tucson,yes,yes\nA,alder Center,Detroit,no,yes\nB,Birch 100% Jail,Tucson,yes,no\n"));
        Page<FacilityRecord> page = service.list(READER, new FacilityQuery(null, null, null, null, false, 0, 2));
        assertEquals(3, page.total());
        // names sort without regard to case
        assertEquals(List.of("A", "B"), page.items().stream().map(FacilityRecord::code).toList());
        page = service.list(READER, new FacilityQuery(null, null, null, "code", true, 1, 2));
        assertEquals(List.of("A"), page.items().stream().map(FacilityRecord::code).toList());
        page = service.list(READER, new FacilityQuery("tucson", null, null, null, false, 0, 20));
        assertEquals(List.of("B", "C"), page.items().stream().map(FacilityRecord::code).toList());
        page = service.list(READER, new FacilityQuery("TUCSON cedar", null, null, null, false, 0, 20));
        assertEquals(List.of("C"), page.items().stream().map(FacilityRecord::code).toList());
        // % and _ are searched for as themselves
        page = service.list(READER, new FacilityQuery("100%", null, null, null, false, 0, 20));
        assertEquals(List.of("B"), page.items().stream().map(FacilityRecord::code).toList());
        page = service.list(READER, new FacilityQuery("%", Boolean.TRUE, null, null, false, 0, 20));
        assertEquals(0, page.total());
        page = service.list(READER, new FacilityQuery(null, Boolean.TRUE, Boolean.TRUE, null, false, 0, 20));
        assertEquals(List.of("C"), page.items().stream().map(FacilityRecord::code).toList());

        ValidationException bad = assertThrows(ValidationException.class, () -> service.list(READER,
                new FacilityQuery(null, null, null, "colour", false, -1, 500)));
        assertEquals(List.of("size", "page", "sort"), bad.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void importUpsertsByCodeAndIsAllOrNothing() {
        ImportResult first = service.importCsv(EDITOR, new StringReader(
                "code,name,operator,iceContactName,iceContactEmail\n"
                + "A,Alder,Alder Inc.,Ann Lee,ann@ice.example.org\nB,Birch,,,\n"));
        assertEquals(new ImportResult(2, 2, 0, 0, 1, 0), first);

        // a file without the operator column leaves operators alone; the same contact is renamed
        ImportResult second = service.importCsv(EDITOR, new StringReader(
                "code,name,iceContactName,iceContactEmail\n"
                + "A,Alder,Ann Lee-Park,ANN@ice.example.org\nB,Birch Two,,\nC,Cedar,,\n"));
        assertEquals(new ImportResult(3, 1, 1, 1, 0, 1), second);
        assertEquals("Alder Inc.", service.find("A").orElseThrow().operator());
        List<PointOfContact> contacts = service.contacts("A");
        assertEquals(1, contacts.size());
        assertEquals("Ann Lee-Park", contacts.get(0).name());

        int events = audit.events.size();
        ValidationException bad = assertThrows(ValidationException.class, () -> service.importCsv(EDITOR,
                new StringReader("code,name\nD,Dogwood\nE,\n")));
        assertEquals("line3.name", bad.errors().get(0).field());
        assertTrue(service.find("D").isEmpty());
        assertEquals(events, audit.events.size());
        assertEquals("import", audit.events.get(events - 1).action());
    }

    @Test
    void contactsAreAddedChangedAndRemoved() {
        service.create(EDITOR, input("A", "Alder", null));
        PointOfContact added = service.addContact(EDITOR, "a", new ContactInput("ice", "Ann", "ann@ice.example.org"));
        service.addContact(EDITOR, "A", new ContactInput("CBP", "Bo", "bo@cbp.example.org"));
        assertEquals(List.of("CBP", "ICE"), service.contacts(READER, "A").stream().map(PointOfContact::agency).toList());
        PointOfContact changed = service.updateContact(EDITOR, "A", added.id(),
                new ContactInput("ICE", "Ann Lee", "ann@ice.example.org"));
        assertEquals("Ann Lee", changed.name());
        AuditEvent update = audit.events.get(audit.events.size() - 1);
        assertEquals("contact-update", update.action());
        assertEquals(List.of(new FieldChange("contacts." + added.id() + ".name", "Ann", "Ann Lee")), update.changes());

        ValidationException bad = assertThrows(ValidationException.class,
                () -> service.addContact(EDITOR, "A", new ContactInput("DHS", "", "x")));
        assertEquals(List.of("agency", "name", "email"), bad.errors().stream().map(e -> e.field()).toList());

        service.removeContact(EDITOR, "A", added.id());
        assertEquals(1, service.contacts("A").size());
        assertThrows(NotFoundException.class, () -> service.removeContact(EDITOR, "A", added.id()));
        assertThrows(NotFoundException.class, () -> service.contacts(READER, "NONE"));
        assertTrue(service.contacts("NONE").isEmpty());
    }
}
