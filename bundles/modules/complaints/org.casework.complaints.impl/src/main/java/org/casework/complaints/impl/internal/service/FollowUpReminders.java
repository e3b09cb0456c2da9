package org.casework.complaints.impl.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.casework.complaints.impl.internal.ComplaintsConfig;
import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds of engagement follow-ups that fall due: once per follow-up, as a warning in the log
 * and an e-mail to the configured address. Several nodes may run it: marking a follow-up
 * reminded is a conditional update, so only one of them sends.
 */
@Component(service = FollowUpReminders.class, immediate = true, configurationPid = ComplaintsConfig.PID)
public class FollowUpReminders {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpReminders.class);

    private final ComplaintStore store;
    private final MailService mail;
    private final ComplaintsConfig config;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    @Activate
    public FollowUpReminders(@Reference ComplaintStore store, @Reference MailService mail, ComplaintsConfig config) {
        this(store, mail, config, Clock.systemUTC(), true);
    }

    FollowUpReminders(ComplaintStore store, MailService mail, ComplaintsConfig config, Clock clock, boolean schedule) {
        this.store = store;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        if (schedule) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "casework-complaint-reminders");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, config.reminderCheckMinutes());
            timer.scheduleWithFixedDelay(this::safeRun, 1, period * 60, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void safeRun() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Looking for due follow-ups failed; trying again at the next check: {}", e.getMessage());
        }
    }

    /** Reminds of every due follow-up not yet reminded of; returns how many. */
    int run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Rows.Engagement> due = store.dueFollowUps(today, 500);
        int sent = 0;
        String to = !config.remindersTo().isBlank() ? config.remindersTo().strip() : config.onDutyManagerEmail().strip();
        for (Rows.Engagement e : due) {
            if (!store.markReminded(e.id(), clock.instant())) {
                continue;
            }
            String number = store.find(e.caseId()).map(Rows.Complaint::caseNumber).orElse(Long.toString(e.caseId()));
            LOG.warn("Follow-up due {} on complaint {}: contact with {} recorded by {}", e.followUpOn(), number,
                    e.party(), e.recordedBy());
            if (!to.isEmpty() && mail.enabled()) {
                try {
                    mail.send(new MailMessage(List.of(to), "Follow-up due on complaint " + number,
                            "A follow-up falls due on " + e.followUpOn() + ".\n\nComplaint: " + number + "\nContact with: "
                                    + e.party() + " (" + e.channel() + ")\nRecorded by: " + e.recordedBy() + "\n"));
                } catch (RuntimeException ex) {
                    LOG.warn("The reminder for complaint {} could not be sent: {}", number, ex.getMessage());
                }
            }
            sent++;
        }
        return sent;
    }
}
