package org.casework.security.impl.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.ConflictException;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.NewTraining;
import org.casework.security.api.ProfileChange;
import org.casework.security.api.StaffProfile;
import org.casework.security.api.TrainingCourse;
import org.casework.security.api.TrainingRecord;
import org.casework.security.api.TrainingWarning;
import org.casework.security.api.WorkSchedule;
import org.casework.security.impl.internal.persistence.DerbyJpa;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserEntity;
import org.casework.security.impl.internal.service.AuditHooks;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profiles, trainings and warnings against the real schema on in-memory Derby. */
class ProfileServiceTest {

    private static final Instant NOW = Instant.parse("2025-05-01T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 5, 1);
    private static final WorkSchedule OFFICE_HOURS = new WorkSchedule(
            List.of("MON", "TUE", "WED", "THU", "FRI"), "08:30", "17:00", "Europe/Vienna");

    private static final Caller ADMIN = caller("root", "admin");
    private static final Caller HELPDESK = caller("desk", "helpdesk");
    private static final Caller MIA = caller("mia", "staff");
    private static final Caller SAM = caller("sam", "staff");
    private static final Caller OTTO = caller("otto", "staff");

    private DerbyJpaTemplate db;
    private SecurityStore accounts;
    private AuditService auditService;
    private ProfileServiceImpl profiles;

    private static Caller caller(String username, String role) {
        return new Caller(username, username, Set.of(role), Set.of(), false, false);
    }

    @BeforeEach
    void setUp() throws Exception {
        db = new DerbyJpa();
        accounts = new SecurityStore(db, DerbyJpa.schema());
        for (Caller c : List.of(ADMIN, HELPDESK, MIA, SAM, OTTO)) {
            accounts.insertUser(new UserEntity(c.username(), "Full " + c.username(),
                    c.username() + "@example.org", "x", c.roles(), Set.of(), false, NOW));
        }
        auditService = mock(AuditService.class);
        profiles = new ProfileServiceImpl(new ProfileStore(db, DerbyJpa.schema()),
                AuditHooks.writingTo(auditService), Clock.fixed(NOW, ZoneOffset.UTC),
                TrainingCatalogue.defaults());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Mia manages Sam. */
    private StaffProfile samReportsToMia() {
        return profiles.updateProfile(ADMIN, "sam",
                new ProfileChange(0L, "Investigator", "+43 1 234", "mia", OFFICE_HOURS));
    }

    private static Set<String> fields(ValidationException e) {
        return Set.copyOf(e.errors().stream().map(f -> f.field() + ":" + f.rule()).toList());
    }

    private void record(String username, String course, LocalDate completedOn) {
        profiles.recordTraining(ADMIN, username, new NewTraining(course, completedOn, null, null));
    }

    // ---- profiles

    @Test
    void aProfileCarriesTheAccountsNameAndEmailAndStartsAtVersionZero() {
        StaffProfile fresh = profiles.profile(SAM, "sam").orElseThrow();
        assertEquals("Full sam", fresh.fullName());
        assertEquals("sam@example.org", fresh.email());
        assertEquals(0, fresh.version());
        assertNull(fresh.schedule());

        StaffProfile edited = samReportsToMia();
        assertEquals("mia", edited.manager());
        assertEquals(OFFICE_HOURS, edited.schedule());
        assertEquals("Investigator", edited.title());
        assertTrue(edited.version() > 0);
        assertEquals(edited, profiles.profile(SAM, "sam").orElseThrow());
        // naming a manager grants them access: audited as a permission change, old and new values
        verify(auditService).record(eq(ADMIN), argThat(e -> e.action().equals("permission-change")
                && e.recordId().equals("sam")
                && e.changes().contains(new FieldChange("manager", null, "mia"))
                && e.changes().contains(new FieldChange("schedule", null,
                        "MON,TUE,WED,THU,FRI 08:30-17:00 Europe/Vienna"))));
    }

    @Test
    void badProfilesAreRefusedNamingEachField() {
        ValidationException e = assertThrows(ValidationException.class, () -> profiles
                .updateProfile(ADMIN, "sam", new ProfileChange(null, "x".repeat(201), "call me",
                        "sam", new WorkSchedule(List.of(), "17:00", "09:00", "Mars/Olympus"))));
        assertEquals(Set.of("version:required", "title:maxLength", "phone:pattern",
                "manager:self", "schedule.days:required", "schedule.end:afterStart",
                "schedule.timeZone:zone"), fields(e));

        e = assertThrows(ValidationException.class, () -> profiles.updateProfile(ADMIN, "sam",
                new ProfileChange(0L, null, null, "nobody", new WorkSchedule(List.of("MONDAY"),
                        "25:00", "9", null))));
        assertEquals(Set.of("manager:exists", "schedule.days:pattern", "schedule.start:time",
                "schedule.end:time", "schedule.timeZone:required"), fields(e));
    }

    @Test
    void managersCannotFormACycle() {
        samReportsToMia();
        profiles.updateProfile(ADMIN, "mia", new ProfileChange(0L, null, null, "otto", null));
        ValidationException e = assertThrows(ValidationException.class, () -> profiles
                .updateProfile(ADMIN, "otto", new ProfileChange(0L, null, null, "sam", null)));
        assertEquals(Set.of("manager:cycle"), fields(e));
    }

    @Test
    void whoMayReadAProfile() {
        samReportsToMia();
        assertTrue(profiles.profile(SAM, "sam").isPresent());
        assertTrue(profiles.profile(MIA, "sam").isPresent());
        assertTrue(profiles.profile(ADMIN, "sam").isPresent());
        assertTrue(profiles.profile(HELPDESK, "sam").isPresent());
        // need-to-know: another staff member learns nothing, not even that the account exists
        assertTrue(profiles.profile(OTTO, "sam").isEmpty());
        assertThrows(NotFoundException.class, () -> profiles.trainings(OTTO, "sam"));
        assertTrue(profiles.profile(SAM, "mia").isEmpty(), "a report cannot read the manager");
        assertTrue(profiles.profile(ADMIN, "ghost").isEmpty());
        verify(auditService, atLeastOnce()).record(eq(OTTO), argThat(e -> e.action().equals("denied")
                && e.outcome().equals(AuditEvent.DENIED) && e.recordId().equals("sam")));
        verify(auditService).record(eq(MIA), argThat(e -> e.action().equals("view")
                && e.recordId().equals("sam")));
    }

    @Test
    void peopleEditTheirOwnPhoneAndScheduleButNotTitleOrManager() {
        long version = samReportsToMia().version();
        WorkSchedule mornings = new WorkSchedule(List.of("MON", "WED"), "07:00", "12:00", "UTC");
        // days are kept in week order
        StaffProfile own = profiles.updateProfile(SAM, "sam", new ProfileChange(version,
                "Investigator", "(01) 234-999", "mia",
                new WorkSchedule(List.of("WED", "MON"), "07:00", "12:00", "UTC")));
        assertEquals("(01) 234-999", own.phone());
        assertEquals(mornings, own.schedule());

        long current = own.version();
        assertThrows(ForbiddenException.class, () -> profiles.updateProfile(SAM, "sam",
                new ProfileChange(current, "Director", "+43 1 999", "mia", mornings)));
        assertThrows(ForbiddenException.class, () -> profiles.updateProfile(SAM, "sam",
                new ProfileChange(current, "Investigator", "+43 1 999", null, mornings)));
        assertEquals("mia", profiles.profile(SAM, "sam").orElseThrow().manager());
        verify(auditService).record(eq(SAM), argThat(e -> e.action().equals("denied")
                && e.detail().contains("manager")));

        // a manager reads, but does not edit
        assertThrows(ForbiddenException.class, () -> profiles.updateProfile(MIA, "sam",
                new ProfileChange(current, "Investigator", null, "mia", mornings)));
        assertThrows(NotFoundException.class, () -> profiles.updateProfile(OTTO, "sam",
                new ProfileChange(current, null, null, null, null)));
        assertThrows(ConflictException.class, () -> profiles.updateProfile(ADMIN, "sam",
                new ProfileChange(current - 1, null, null, null, null)));
        assertThrows(NotFoundException.class, () -> profiles.updateProfile(ADMIN, "ghost",
                new ProfileChange(0L, null, null, null, null)));
    }

    // ---- trainings

    @Test
    void theManagerRecordsATrainingAndItsValidityIsComputed() {
        samReportsToMia();
        TrainingRecord recorded = profiles.recordTraining(MIA, "sam", new NewTraining(
                "privacy-security", LocalDate.of(2025, 3, 10), null, "certificate 4411"));
        assertEquals(LocalDate.of(2026, 3, 10), recorded.validUntil());
        assertEquals("Annual privacy and security awareness", recorded.courseTitle());
        assertEquals("mia", recorded.recordedBy());
        assertEquals(NOW, recorded.recordedAt());
        assertEquals(List.of(recorded), profiles.trainings(SAM, "sam"));
        verify(auditService).record(eq(MIA), argThat(e -> e.action().equals("create")
                && e.changes().contains(new FieldChange("validUntil", null, "2026-03-10"))));

        TrainingRecord given = profiles.recordTraining(ADMIN, "sam", new NewTraining(
                "privacy-security", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 12, 31), null));
        assertEquals(LocalDate.of(2025, 12, 31), given.validUntil());
        assertEquals(List.of(given, recorded), profiles.trainings(MIA, "sam"));
    }

    @Test
    void nobodyCertifiesTheirOwnTrainingNorDoTheHelpdeskOrColleagues() {
        samReportsToMia();
        NewTraining done = new NewTraining("privacy-security", TODAY, null, null);
        assertThrows(ForbiddenException.class, () -> profiles.recordTraining(SAM, "sam", done));
        assertThrows(ForbiddenException.class, () -> profiles.recordTraining(ADMIN, "root", done));
        assertThrows(ForbiddenException.class, () -> profiles.recordTraining(HELPDESK, "sam", done));
        assertThrows(NotFoundException.class, () -> profiles.recordTraining(OTTO, "sam", done));
        assertTrue(profiles.trainings(ADMIN, "sam").isEmpty());
    }

    @Test
    void badTrainingsAreRefusedNamingEachField() {
        ValidationException e = assertThrows(ValidationException.class, () -> profiles
                .recordTraining(ADMIN, "sam", new NewTraining("juggling", TODAY.plusDays(2),
                        TODAY, "x".repeat(1001))));
        assertEquals(Set.of("course:unknown", "completedOn:future", "validUntil:afterCompleted",
                "note:maxLength"), fields(e));
        e = assertThrows(ValidationException.class, () -> profiles.recordTraining(ADMIN, "sam",
                new NewTraining(null, null, null, null)));
        assertEquals(Set.of("course:required", "completedOn:required"), fields(e));
        record("sam", "privacy-security", TODAY);
    }

    @Test
    void onlyAdministratorsDeleteTrainingRecords() {
        samReportsToMia();
        TrainingRecord wrong = profiles.recordTraining(MIA, "sam",
                new NewTraining("privacy-security", TODAY, null, null));
        assertThrows(ForbiddenException.class, () -> profiles.deleteTraining(MIA, "sam", wrong.id()));
        assertThrows(NotFoundException.class, () -> profiles.deleteTraining(ADMIN, "mia", wrong.id()));
        profiles.deleteTraining(ADMIN, "sam", wrong.id());
        assertTrue(profiles.trainings(ADMIN, "sam").isEmpty());
        assertThrows(NotFoundException.class, () -> profiles.deleteTraining(ADMIN, "sam", wrong.id()));
        verify(auditService).record(eq(ADMIN), argThat(e -> e.action().equals("delete")
                && e.changes().contains(new FieldChange("course", "privacy-security", null))));
    }

    // ---- warnings

    private static List<String> summary(List<TrainingWarning> warnings) {
        return warnings.stream().map(w -> w.username() + ":" + w.status() + ":" + w.own()).toList();
    }

    @Test
    void aMissingTrainingWarnsThePersonAndTheirManagerOnly() {
        samReportsToMia();
        assertEquals(List.of("sam:missing:true"), summary(profiles.warnings(SAM)));
        assertEquals(List.of("mia:missing:true", "sam:missing:false"),
                summary(profiles.warnings(MIA)));
        assertEquals(List.of("otto:missing:true"), summary(profiles.warnings(OTTO)));
        TrainingWarning w = profiles.warnings(MIA).get(1);
        assertEquals("Full sam", w.fullName());
        assertEquals("privacy-security", w.course());
        assertEquals("Annual privacy and security awareness", w.courseTitle());
        assertNull(w.expiresOn());
        assertTrue(profiles.warnings(Caller.system("job")).isEmpty());
    }

    @Test
    void expiredAndExpiringTrainingsWarn() {
        samReportsToMia();
        record("sam", "privacy-security", TODAY.minusMonths(13));
        List<TrainingWarning> warnings = profiles.warnings(MIA);
        assertEquals(List.of("mia:missing:true", "sam:expired:false"), summary(warnings));
        assertEquals(TODAY.minusMonths(1), warnings.get(1).expiresOn());

        record("sam", "privacy-security", TODAY.minusMonths(12).plusDays(30));
        assertEquals(List.of("sam:expiring:true"), summary(profiles.warnings(SAM)));
        assertEquals(TODAY.plusDays(30), profiles.warnings(SAM).get(0).expiresOn());

        record("sam", "privacy-security", TODAY.minusMonths(12).plusDays(31));
        assertEquals(List.of(), summary(profiles.warnings(SAM)));
        record("mia", "privacy-security", TODAY);
        assertEquals(List.of(), summary(profiles.warnings(MIA)));
    }

    @Test
    void deactivatedReportsNoLongerWarnTheirManager() {
        samReportsToMia();
        accounts.updateUser("sam", accounts.findUser("sam").orElseThrow().account().version(),
                user -> user.setActive(false));
        assertEquals(List.of("mia:missing:true"), summary(profiles.warnings(MIA)));
    }

    @Test
    void theCatalogueComesFromTheConfiguration() {
        TrainingConfig config = mock(TrainingConfig.class);
        org.mockito.Mockito.when(config.warnDaysBeforeExpiry()).thenReturn(10);
        profiles.modified(config, Map.of(
                "course.gdpr.title", "Data protection", "course.gdpr.validityMonths", "24",
                "course.gdpr.mandatory", "true",
                "course.first-aid.title", "First aid", "course.first-aid.validityMonths", "0",
                "course.broken.validityMonths", "soon"));
        assertEquals(List.of(new TrainingCourse("gdpr", "Data protection", 24, true),
                new TrainingCourse("first-aid", "First aid", 0, false)), profiles.courses());
        assertEquals(List.of("sam:missing:true"), summary(profiles.warnings(SAM)));
        assertEquals("gdpr", profiles.warnings(SAM).get(0).course());

        record("sam", "gdpr", TODAY.minusMonths(24).plusDays(10));
        assertEquals("expiring", profiles.warnings(SAM).get(0).status());
        record("sam", "gdpr", TODAY.minusMonths(24).plusDays(11));
        assertTrue(profiles.warnings(SAM).isEmpty());
        TrainingRecord forever = profiles.recordTraining(ADMIN, "sam",
                new NewTraining("first-aid", TODAY, null, null));
        assertNull(forever.validUntil());
        assertFalse(profiles.trainings(SAM, "sam").isEmpty());
    }
}
