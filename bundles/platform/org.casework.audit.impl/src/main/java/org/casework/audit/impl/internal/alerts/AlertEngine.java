package org.casework.audit.impl.internal.alerts;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.casework.mail.api.MailException;
import org.casework.mail.api.MailMessage;
import org.casework.mail.api.MailService;
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

/**
 * Runs the misuse alert rules over committed audit entries on a thread of its own, stores each
 * alert, then mails it to the configured addresses. An alert is stored whether or not mail
 * works; with the mail service absent or switched off, it is only stored.
 */
@Component(service = AlertFeed.class, configurationPid = AlertEngine.PID)
@Designate(ocd = AlertConfig.class)
public class AlertEngine implements AlertFeed {

    static final String PID = "org.casework.audit.alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final int QUEUE = 10_000;

    private final AlertStore store;
    private final Executor worker;
    private final AtomicLong dropped = new AtomicLong();
    private volatile RuleEngine rules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailService mail;

    @Activate
    public AlertEngine(@Reference AlertStore store, AlertConfig config) {
        this(store, config, new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "casework-alerts");
                    t.setDaemon(true);
                    return t;
                }));
    }

    AlertEngine(AlertStore store, AlertConfig config, Executor worker) {
        this.store = store;
        this.worker = worker;
        this.rules = new RuleEngine(RuleSettings.of(config, AlertEngine::complain));
    }

    /** New thresholds take effect at once; the windows start afresh. */
    @Modified
    void modified(AlertConfig config) {
        rules = new RuleEngine(RuleSettings.of(config, AlertEngine::complain));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (worker instanceof ExecutorService service) {
            service.shutdownNow();
            service.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    void setMail(MailService mail) {
        this.mail = mail;
    }

    private static void complain(String problem) {
        LOG.error("Misuse alert configuration ({}): {}; the default is used", PID, problem);
    }

    @Override
    public void chained(Entry entry) {
        try {
            worker.execute(() -> evaluate(entry));
        } catch (RejectedExecutionException full) {
            // a backlog this long means the rules cannot keep up; losing an entry beats slowing the chain
            if (dropped.getAndIncrement() == 0) {
                LOG.error("The misuse alert rules are {} entries behind; entries are skipped until they catch up",
                        QUEUE);
            }
        }
    }

    /** Runs the rules over one entry and raises what they find. */
    void evaluate(Entry entry) {
        try {
            RuleEngine current = rules;
            for (Alert alert : current.evaluate(entry)) {
                raise(alert, current.settings().notifyTo());
            }
        } catch (RuntimeException e) {
            LOG.error("The misuse alert rules failed on audit entry {}", entry.id(), e);
        }
    }

    private void raise(Alert alert, List<String> notify) {
        Long id = null;
        try {
            id = store.insert(alert).id();
            LOG.info("Misuse alert {} ({}): {}", id, alert.rule().key(), alert.summary());
        } catch (RuntimeException e) {
            LOG.error("Could not store the misuse alert '{}'; it is still mailed", alert.summary(), e);
        }
        MailService m = mail;
        if (m == null || notify.isEmpty() || !m.enabled()) {
            return;
        }
        try {
            Long stored = id;
            m.send(new MailMessage(notify, "Casework alert: " + alert.summary(), body(alert, id)))
                    .whenComplete((ok, failed) -> {
                        if (failed != null) {
                            LOG.debug("Misuse alert {} was not mailed", stored, failed);
                        }
                    });
        } catch (MailException e) {
            LOG.error("Misuse alerts cannot be mailed to '{}' ({}): {}", String.join(",", notify), PID,
                    e.getMessage());
        }
    }

    static String body(Alert alert, Long id) {
        StringBuilder b = new StringBuilder();
        b.append(alert.summary()).append("\n\n");
        b.append("Rule: ").append(alert.rule().key()).append('\n');
        if (alert.username() != null) {
            b.append("User: ").append(alert.username()).append('\n');
        }
        if (alert.sourceAddress() != null) {
            b.append("Address: ").append(alert.sourceAddress()).append('\n');
        }
        b.append("Raised: ").append(alert.raisedAt()).append('\n');
        if (id != null) {
            b.append("Alert: ").append(id).append('\n');
        }
        b.append('\n').append(alert.detail()).append("\n\n");
        b.append("Review and acknowledge it in the Casework console (security officers).\n");
        return b.toString();
    }
}
