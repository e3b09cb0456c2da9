package org.casework.security.impl.internal.profile;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.NewTraining;
import org.casework.security.api.ProfileChange;
import org.casework.security.api.ProfileService;
import org.casework.security.api.SecurityRoles;
import org.casework.security.api.StaffProfile;
import org.casework.security.api.TrainingCourse;
import org.casework.security.api.TrainingRecord;
import org.casework.security.api.TrainingWarning;
import org.casework.security.api.WorkSchedule;
import org.casework.security.impl.internal.persistence.UserProfileEntity;
import org.casework.security.impl.internal.persistence.UserTrainingEntity;
import org.casework.security.impl.internal.profile.ProfileStore.Subject;
import org.casework.security.impl.internal.profile.ProfileStore.Training;
import org.casework.security.impl.internal.service.SecurityAudit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Staff profiles, training records and the warnings about mandatory trainings. Need-to-know: a
 * profile the caller may not read answers as if the account did not exist. People never certify
 * their own trainings (a second person vouches for each completion, as for a change of access);
 * the helpdesk may read profiles but records nothing, its remit being accounts and passwords.
 */
@Component(service = {ProfileService.class, ProfileServiceImpl.class},
        configurationPid = TrainingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrainingConfig.class)
public final class ProfileServiceImpl implements ProfileService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()./-]{2,39}");
    static final Pattern TIME = Pattern.compile("[0-2][0-9]:[0-5][0-9]");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final int MAX_TITLE = 200;
    private static final int MAX_NOTE = 1000;
    /** The furthest-ahead time zone: a completion dated "today" anywhere on earth is accepted. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    private static final String PROFILE = "profile";

    private final ProfileStore store;
    private final SecurityAudit audit;
    private final Clock clock;
    private volatile TrainingCatalogue catalogue;

    @Activate
    public ProfileServiceImpl(@Reference ProfileStore store, @Reference SecurityAudit audit,
            TrainingConfig config, Map<String, Object> properties) {
        this(store, audit, Clock.systemUTC(), TrainingCatalogue.of(config, properties));
    }

    ProfileServiceImpl(ProfileStore store, SecurityAudit audit, Clock clock,
            TrainingCatalogue catalogue) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    @Modified
    void modified(TrainingConfig config, Map<String, Object> properties) {
        catalogue = TrainingCatalogue.of(config, properties);
    }

    // ---- who may do what

    private static boolean isHelpdesk(Caller caller) {
        return caller.roles().contains(SecurityRoles.HELPDESK);
    }

    private static boolean isManager(Caller caller, Subject subject) {
        return caller.username().equals(subject.manager());
    }

    private static boolean mayRead(Caller caller, Subject subject) {
        return caller.username().equals(subject.username()) || caller.isAdmin()
                || isHelpdesk(caller) || isManager(caller, subject);
    }

    private static void requireCaller(Caller caller) {
        if (caller == null) {
            throw new ForbiddenException("Sign in to see staff profiles.");
        }
    }

    /**
     * The subject if the caller may read it. A profile the caller may not read answers 404 like
     * an unknown one, so it does not reveal who works here; the refusal is still audited.
     */
    private Subject readable(Caller caller, String username) {
        Optional<Subject> subject = store.find(username);
        if (subject.isPresent() && mayRead(caller, subject.get())) {
            return subject.get();
        }
        if (subject.isPresent()) {
            audit.record(caller, "denied", username, AuditEvent.DENIED, null,
                    "profile not readable by the caller");
        }
        throw new NotFoundException("The account");
    }

    private void viewed(Caller caller, String username, String what) {
        if (!caller.username().equals(username)) {
            audit.record(caller, "view", username, AuditEvent.SUCCESS, null, what);
        }
    }

    private ForbiddenException denied(Caller caller, String username, String message) {
        audit.record(caller, "denied", username, AuditEvent.DENIED, null, message);
        return new ForbiddenException(message);
    }

    // ---- profiles

    @Override
    public Optional<StaffProfile> profile(Caller caller, String username) {
        requireCaller(caller);
        Subject subject;
        try {
            subject = readable(caller, username);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        viewed(caller, username, PROFILE);
        return Optional.of(toProfile(subject));
    }

    static StaffProfile toProfile(Subject s) {
        WorkSchedule schedule = s.workDays() == null ? null
                : new WorkSchedule(List.of(s.workDays().split(",")), s.workStart(), s.workEnd(),
                        s.timeZone());
        return new StaffProfile(s.username(), s.fullName(), s.email(), s.title(), s.phone(),
                s.manager(), schedule, s.version());
    }

    @Override
    public StaffProfile updateProfile(Caller caller, String username, ProfileChange change) {
        requireCaller(caller);
        Subject subject = readable(caller, username);
        boolean self = caller.username().equals(username);
        if (!self && !caller.isAdmin()) {
            throw denied(caller, username, "Only administrators can edit other people's profiles.");
        }
        if (change == null) {
            throw new ValidationException(null, "required", "Send the profile.");
        }
        List<FieldError> errors = validate(username, change);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String manager = blankToNull(change.manager());
        String title = blankToNull(change.title());
        Subject updated;
        try {
            updated = store.updateProfile(username, change.version(), profile -> {
                if (self && !caller.isAdmin() && !Objects.equals(title, profile.getTitle())) {
                    throw new ForbiddenException("You cannot change your own title.");
                }
                if (self && !Objects.equals(manager, profile.getManager())) {
                    // administrators included: who oversees a person is set by someone else
                    throw new ForbiddenException("You cannot change your own manager.");
                }
                List<FieldChange> changes = apply(profile, title, manager, change);
                if (!changes.isEmpty()) {
                    // a new manager may read the person's profile and record trainings: access
                    boolean access = changes.stream().anyMatch(c -> c.field().equals("manager"));
                    audit.recordInTransaction(caller, access ? "permission-change" : "update",
                            username, changes, PROFILE);
                }
            });
        } catch (RuntimeException e) {
            // the refusal rolled the transaction back; record it afterwards, so it stays
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ForbiddenException) {
                    throw denied(caller, username, t.getMessage());
                }
            }
            throw e;
        }
        return toProfile(updated);
    }

    /** Applies the change and returns what it changed, with old and new values. */
    private static List<FieldChange> apply(UserProfileEntity profile, String title,
            String manager, ProfileChange change) {
        List<FieldChange> changes = new ArrayList<>();
        String phone = blankToNull(change.phone());
        WorkSchedule schedule = change.schedule();
        String days = schedule == null ? null : String.join(",", orderedDays(schedule.days()));
        String start = schedule == null ? null : schedule.start();
        String end = schedule == null ? null : schedule.end();
        String zone = schedule == null ? null : schedule.timeZone();
        String scheduleBefore = scheduleText(profile.getWorkDays(), profile.getWorkStart(),
                profile.getWorkEnd(), profile.getTimeZone());
        String scheduleAfter = scheduleText(days, start, end, zone);
        if (!Objects.equals(title, profile.getTitle())) {
            changes.add(new FieldChange("title", profile.getTitle(), title));
        }
        if (!Objects.equals(phone, profile.getPhone())) {
            changes.add(new FieldChange("phone", profile.getPhone(), phone));
        }
        if (!Objects.equals(manager, profile.getManager())) {
            changes.add(new FieldChange("manager", profile.getManager(), manager));
        }
        if (!Objects.equals(scheduleBefore, scheduleAfter)) {
            changes.add(new FieldChange("schedule", scheduleBefore, scheduleAfter));
        }
        profile.setTitle(title);
        profile.setPhone(phone);
        profile.setManager(manager);
        profile.setWorkDays(days);
        profile.setWorkStart(start);
        profile.setWorkEnd(end);
        profile.setTimeZone(zone);
        return changes;
    }

    private static String scheduleText(String days, String start, String end, String zone) {
        return days == null ? null : days + " " + start + "-" + end + " " + zone;
    }

    /** The days in week order, each once. */
    private static List<String> orderedDays(List<String> days) {
        Set<String> wanted = new LinkedHashSet<>(days);
        return DAYS.stream().filter(wanted::contains).toList();
    }

    private List<FieldError> validate(String username, ProfileChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.version() == null) {
            errors.add(new FieldError("version", "required",
                    "Send the version of the profile you edited."));
        }
        if (change.title() != null && change.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "maxLength",
                    "The title must be at most " + MAX_TITLE + " characters long."));
        }
        String phone = blankToNull(change.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "pattern", "Enter a phone number of 3 to 40 "
                    + "digits, spaces and + ( ) . / - signs."));
        }
        String manager = blankToNull(change.manager());
        if (manager != null) {
            if (manager.equals(username)) {
                errors.add(new FieldError("manager", "self", "Nobody can be their own manager."));
            } else if (!USERNAME.matcher(manager).matches() || !store.exists(manager)) {
                errors.add(new FieldError("manager", "exists", "There is no account named "
                        + "like that."));
            } else if (managedBy(manager, username)) {
                errors.add(new FieldError("manager", "cycle", "That person is managed by "
                        + username + ", directly or further up."));
            }
        }
        if (change.schedule() != null) {
            validate(change.schedule(), errors);
        }
        return errors;
    }

    /**
     * Whether {@code person}'s chain of managers reaches {@code manager}. Read outside the edit's
     * transaction: two administrators making a cycle at the same moment is not worth a lock, and
     * the warnings only ever follow one step of the chain.
     */
    private boolean managedBy(String person, String manager) {
        Set<String> seen = new LinkedHashSet<>();
        for (Optional<String> next = store.managerOf(person); next.isPresent();
                next = store.managerOf(next.get())) {
            if (next.get().equals(manager)) {
                return true;
            }
            if (!seen.add(next.get())) {
                return false;
            }
        }
        return false;
    }

    private static void validate(WorkSchedule schedule, List<FieldError> errors) {
        if (schedule.days() == null || schedule.days().isEmpty()) {
            errors.add(new FieldError("schedule.days", "required",
                    "Choose at least one working day."));
        } else if (!DAYS.containsAll(schedule.days())) {
            errors.add(new FieldError("schedule.days", "pattern",
                    "Working days are MON, TUE, WED, THU, FRI, SAT and SUN."));
        }
        LocalTime start = time("schedule.start", schedule.start(), errors);
        LocalTime end = time("schedule.end", schedule.end(), errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("schedule.end", "afterStart",
                    "The working day must end after it starts."));
        }
        String zone = schedule.timeZone();
        if (zone == null || zone.isBlank()) {
            errors.add(new FieldError("schedule.timeZone", "required", "Choose a time zone."));
        } else if (!knownZone(zone)) {
            errors.add(new FieldError("schedule.timeZone", "zone",
                    "Enter a time zone such as Europe/Vienna."));
        }
    }

    private static boolean knownZone(String zone) {
        try {
            return ZoneId.getAvailableZoneIds().contains(zone) || ZoneId.of(zone) instanceof ZoneOffset;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LocalTime time(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", "Enter a time as HH:mm."));
            return null;
        }
        try {
            if (TIME.matcher(value).matches()) {
                return LocalTime.parse(value);
            }
        } catch (DateTimeException e) {
            // falls through to the same answer as a malformed time
        }
        errors.add(new FieldError(field, "time", "Enter a time as HH:mm, e.g. 08:30."));
        return null;
    }

    // ---- trainings

    @Override
    public List<TrainingCourse> courses() {
        return catalogue.courses();
    }

    @Override
    public List<TrainingRecord> trainings(Caller caller, String username) {
        requireCaller(caller);
        readable(caller, username);
        viewed(caller, username, "trainings");
        TrainingCatalogue courses = catalogue;
        return store.trainings(List.of(username)).stream()
                .map(t -> toRecord(t, courses)).toList();
    }

    private static TrainingRecord toRecord(Training t, TrainingCatalogue courses) {
        return new TrainingRecord(t.id(), t.username(), t.course(), courses.title(t.course()),
                t.completedOn(), t.validUntil(), t.recordedBy(), t.recordedAt(), t.note());
    }

    @Override
    public TrainingRecord recordTraining(Caller caller, String username, NewTraining training) {
        requireCaller(caller);
        Subject subject = readable(caller, username);
        if (caller.username().equals(username)) {
            throw denied(caller, username, "You cannot certify your own training: your manager "
                    + "or an administrator records it.");
        }
        if (!caller.isAdmin() && !isManager(caller, subject)) {
            throw denied(caller, username, "Only administrators and the person's manager can "
                    + "record trainings.");
        }
        if (training == null) {
            throw new ValidationException(null, "required", "Send the training.");
        }
        TrainingCatalogue courses = catalogue;
        List<FieldError> errors = new ArrayList<>();
        Optional<TrainingCourse> course = Optional.empty();
        if (training.course() == null || training.course().isBlank()) {
            errors.add(new FieldError("course", "required", "Choose a course."));
        } else {
            course = courses.course(training.course());
            if (course.isEmpty()) {
                errors.add(new FieldError("course", "unknown", "There is no such course."));
            }
        }
        LocalDate completedOn = training.completedOn();
        if (completedOn == null) {
            errors.add(new FieldError("completedOn", "required", "Enter the day it was completed."));
        } else if (completedOn.isAfter(LocalDate.now(clock.withZone(EARLIEST_ZONE)))) {
            errors.add(new FieldError("completedOn", "future",
                    "A training cannot be completed in the future."));
        }
        if (training.validUntil() != null && completedOn != null
                && training.validUntil().isBefore(completedOn)) {
            errors.add(new FieldError("validUntil", "afterCompleted",
                    "A training cannot expire before it was completed."));
        }
        if (training.note() != null && training.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "maxLength",
                    "The note must be at most " + MAX_NOTE + " characters long."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate validUntil = training.validUntil() != null ? training.validUntil()
                : course.get().validityMonths() == 0 ? null
                : completedOn.plusMonths(course.get().validityMonths());
        UserTrainingEntity entity = new UserTrainingEntity(username, course.get().key(),
                completedOn, validUntil, caller.username(), clock.instant(),
                blankToNull(training.note()));
        Training stored = store.insertTraining(entity, t -> audit.recordInTransaction(caller,
                "create", username, List.of(new FieldChange("course", null, t.course()),
                        new FieldChange("completedOn", null, t.completedOn().toString()),
                        new FieldChange("validUntil", null, Objects.toString(t.validUntil(), null))),
                "training " + t.id() + " recorded"));
        return toRecord(stored, courses);
    }

    @Override
    public void deleteTraining(Caller caller, String username, long id) {
        requireCaller(caller);
        readable(caller, username);
        if (!caller.isAdmin()) {
            throw denied(caller, username, "Only administrators can remove training records.");
        }
        boolean deleted = store.deleteTraining(username, id, t -> audit.recordInTransaction(caller,
                "delete", username, List.of(new FieldChange("course", t.course(), null),
                        new FieldChange("completedOn", t.completedOn().toString(), null),
                        new FieldChange("validUntil", Objects.toString(t.validUntil(), null), null)),
                "training " + t.id() + " removed"));
        if (!deleted) {
            throw new NotFoundException("The training record");
        }
    }

    // ---- warnings

    @Override
    public List<TrainingWarning> warnings(Caller caller) {
        requireCaller(caller);
        if (caller.system()) {
            return List.of();
        }
        TrainingCatalogue courses = catalogue;
        if (courses.mandatory().isEmpty()) {
            return List.of();
        }
        List<Subject> people = new ArrayList<>();
        Optional<Subject> own = store.find(caller.username());
        people.add(own.orElseGet(() -> new Subject(caller.username(), caller.displayName(), null,
                true, null, null, null, null, null, null, null, 0)));
        people.addAll(store.activeReports(caller.username()));
        Map<String, List<Training>> byPerson = new HashMap<>();
        for (Training t : store.trainings(people.stream().map(Subject::username).toList())) {
            byPerson.computeIfAbsent(t.username(), k -> new ArrayList<>()).add(t);
        }
        List<TrainingWarning> warnings = new ArrayList<>();
        for (Subject person : people) {
            boolean self = person.username().equals(caller.username());
            LocalDate today = LocalDate.now(clock.withZone(zoneOf(person)));
            for (TrainingCourse course : courses.mandatory()) {
                warning(person, course, byPerson.getOrDefault(person.username(), List.of()),
                        today, courses.warnDays(), self).ifPresent(warnings::add);
            }
        }
        return warnings;
    }

    /** The person's own time zone decides when their day ends; UTC when none is recorded. */
    private static ZoneId zoneOf(Subject person) {
        try {
            return person.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(person.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static Optional<TrainingWarning> warning(Subject person, TrainingCourse course,
            List<Training> trainings, LocalDate today, int warnDays, boolean own) {
        boolean completed = false;
        LocalDate latest = null;
        for (Training t : trainings) {
            if (!t.course().equals(course.key())) {
                continue;
            }
            if (t.validUntil() == null) {
                return Optional.empty(); // a completion that never expires
            }
            completed = true;
            if (latest == null || t.validUntil().isAfter(latest)) {
                latest = t.validUntil();
            }
        }
        String status;
        if (!completed) {
            status = TrainingWarning.MISSING;
        } else if (today.isAfter(latest)) {
            status = TrainingWarning.EXPIRED;
        } else if (today.isAfter(latest.minusDays(warnDays + 1L))) {
            status = TrainingWarning.EXPIRING;
        } else {
            return Optional.empty();
        }
        return Optional.of(new TrainingWarning(person.username(), person.fullName(), course.key(),
                course.title(), status, latest, own));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
