package org.casework.litigation.impl.internal.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseService;
import org.casework.core.api.access.AccessPolicy;
import org.casework.core.api.access.RecordRef;
import org.casework.core.api.spi.CaseAction;
import org.casework.litigation.impl.internal.persistence.DueDateEntity;
import org.casework.litigation.impl.internal.persistence.LitCaseEntity;
import org.casework.litigation.impl.internal.persistence.ReminderEntity;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.api.AuthenticationService;
import org.casework.security.api.UserAccount;
import org.casework.security.api.UserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * Reminds attorneys of due dates a configured number of days ahead: once per due date, person and
 * lead time, on the console's reminder list and by e-mail. The reminder's row is written before
 * anything is sent and its unique key (due date, person, days before) lets only one node or run
 * write it, so a reminder never goes out twice. A due date of a case nobody is assigned to
 * reminds whoever recorded it; a person who may no longer read the case is not reminded.
 */
@Component(service = ReminderRunner.class, immediate = true, configurationPid = RemindersConfig.PID)
@Designate(ocd = RemindersConfig.class)
public class ReminderRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderRunner.class);
    private static final Caller SYSTEM = Caller.system("litigation-reminders");
    /** One run sends at most this many; the next run picks up the rest. */
    static final int BATCH = 5_000;

    private final JpaTemplate jpa;
    private final CaseService cases;
    private final AuditService audit;
    private final AuthenticationService authentication;
    private final UserService users;
    private final MailService mail;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile RemindersConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy policy;

    @Activate
    public ReminderRunner(@Reference(target = "(osgi.unit.name=casework-litigation)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.litigation.impl)") MigratedSchema schema,
            @Reference CaseService cases, @Reference AuditService audit,
            @Reference AuthenticationService authentication, @Reference UserService users,
            @Reference MailService mail, RemindersConfig config) {
        this(jpa, cases, audit, authentication, users, mail, null, config, Clock.systemUTC(), true);
    }

    ReminderRunner(JpaTemplate jpa, CaseService cases, AuditService audit, AuthenticationService authentication,
            UserService users, MailService mail, AccessPolicy policy, RemindersConfig config, Clock clock,
            boolean schedule) {
        this.jpa = jpa;
        this.cases = cases;
        this.audit = audit;
        this.authentication = authentication;
        this.users = users;
        this.mail = mail;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
        if (schedule) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "casework-litigation-reminders");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, config.checkMinutes());
            timer.scheduleWithFixedDelay(this::scheduled, 1, period * 60, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    @Modified
    void modified(RemindersConfig changed) {
        this.config = changed;
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void scheduled() {
        try {
            run(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            LOG.warn("Looking for due-date reminders failed; trying again at the next check: {}", e.getMessage());
        }
    }

    /** The configured lead times, in days; a malformed entry is left out with a warning. */
    static TreeSet<Integer> leadTimes(String text) {
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int d = Integer.parseInt(part.strip());
                if (d >= 0 && d <= 365) {
                    days.add(d);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.warn("Ignoring \"{}\" in daysBefore of {}: give whole days from 0 to 365", part.strip(),
                    RemindersConfig.PID);
        }
        return days;
    }

    /** Sends every reminder due as of the day that has not been sent; returns how many were sent. */
    public int run(LocalDate asOf) {
        RemindersConfig c = config;
        TreeSet<Integer> days = leadTimes(c.daysBefore());
        if (days.isEmpty()) {
            return 0;
        }
        List<DueDateEntity> due = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT e FROM DueDateEntity e WHERE e.date >= :from AND e.date <= :to AND e.completed = :no "
                        + "AND e.caseOpen = :yes AND e.caseType IS NOT NULL ORDER BY e.date, e.id", DueDateEntity.class)
                .setParameter("from", asOf).setParameter("to", asOf.plusDays(days.last()))
                .setParameter("no", Boolean.FALSE).setParameter("yes", Boolean.TRUE)
                .setMaxResults(BATCH).getResultList());
        int sent = 0;
        for (DueDateEntity d : due) {
            int left = (int) ChronoUnit.DAYS.between(asOf, d.getDate());
            Integer lead = days.ceiling(left);
            if (lead == null) {
                continue;
            }
            String recipient = d.getAssignee() != null ? d.getAssignee() : d.getCreatedBy();
            try {
                if (remind(d, recipient, lead, left, c.email())) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("The reminder of due date {} to {} could not be recorded: {}", d.getId(), recipient,
                        e.getMessage());
            }
        }
        if (sent > 0) {
            LOG.info("Sent {} due-date reminders as of {}", sent, asOf);
        }
        return sent;
    }

    private boolean remind(DueDateEntity d, String recipient, int lead, int left, boolean byEmail) {
        Optional<Caller> person = authentication.callerFor(recipient);
        if (person.isEmpty() || !mayRead(person.get(), d)) {
            return false;
        }
        Optional<String> address = byEmail && mail.enabled() ? users.find(SYSTEM, recipient).map(UserAccount::email)
                .filter(a -> a != null && !a.isBlank()) : Optional.empty();
        ReminderEntity r = jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            long already = em.createQuery("SELECT COUNT(r) FROM ReminderEntity r WHERE r.dueDateId = :d "
                    + "AND r.recipient = :p AND r.daysBefore = :n", Long.class).setParameter("d", d.getId())
                    .setParameter("p", recipient).setParameter("n", lead).getSingleResult();
            if (already > 0) {
                return null;
            }
            LitCaseEntity c = em.find(LitCaseEntity.class, d.getCaseId());
            String number = c == null ? String.valueOf(d.getCaseId()) : c.getNumber();
            ReminderEntity row = new ReminderEntity(d.getId(), recipient, lead, d.getCaseId(), number, d.getType(),
                    d.getDate(), d.getDescription(), clock.instant(), address.isPresent());
            em.persist(row);
            em.flush();
            audit.record(SYSTEM, new AuditEvent("notify", d.getCaseType(), String.valueOf(d.getCaseId()),
                    AuditEvent.SUCCESS, null, List.of(new FieldChange("reminder.recipient", null, recipient)),
                    "reminder of due date " + d.getId() + " (" + d.getDate() + ", " + lead + " days before)"));
            return row;
        });
        if (r == null) {
            return false;
        }
        if (address.isPresent()) {
            String when = left == 0 ? "today" : left == 1 ? "tomorrow" : "in " + left + " days";
            try {
                mail.send(new MailMessage(List.of(address.get()), "Due " + when + ": " + label(d.getType()) + " in "
                        + r.getCaseNumber(), "A " + label(d.getType()) + " is due " + when + " (" + d.getDate()
                        + ") in case " + r.getCaseNumber() + "."
                        + (d.getDescription() == null ? "" : "\n\n" + d.getDescription())
                        + "\n\nYou are reminded " + lead + " days ahead, as the office has set. "
                        + "Your reminders are also listed in the console.\n"));
            } catch (RuntimeException e) {
                LOG.warn("The reminder e-mail for case {} could not be sent: {}", r.getCaseNumber(), e.getMessage());
            }
        }
        return true;
    }

    private boolean mayRead(Caller person, DueDateEntity d) {
        if (person.isAdmin() || cases.caseType(d.getCaseType())
                .map(t -> person.hasAnyRole(t.rolesFor(CaseAction.READ))).orElse(false)) {
            return true;
        }
        AccessPolicy p = policy;
        return p != null && p.permits(person, "read", new RecordRef("case." + d.getCaseType(),
                String.valueOf(d.getCaseId()), d.getDivision(), d.getCaseCreator(), d.getAssignee()));
    }

    private static String label(String type) {
        return type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }
}
