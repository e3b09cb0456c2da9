package org.casework.complaints.impl.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.matching.PersonMatching;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stored blocking keys up to the matching library's {@link PersonMatching#KEY_VERSION}
 * after an upgrade: when the module starts, one background thread recomputes the keys of stale
 * complaints in batches of {@value #BATCH}, one transaction each, until none is left. Intake and
 * lookups go on meanwhile (a complaint not yet re-keyed is found by its old keys or its A-Number);
 * a complaint saved meanwhile is written with current keys and is not touched again.
 */
@Component(immediate = true)
public class PersonKeyRefresher {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PersonKeyRefresher.class);

    private final ComplaintStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "casework-complaints-rekey");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;

    @Activate
    public PersonKeyRefresher(@Reference ComplaintStore store) {
        this.store = store;
        worker.execute(this::run);
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        worker.shutdownNow();
    }

    private void run() {
        long total = 0;
        try {
            int n;
            while (!stopped && (n = store.refreshStaleKeys(BATCH)) > 0) {
                total += n;
                if (total % (BATCH * 20L) == 0) {
                    LOG.info("Recomputed the blocking keys of {} complaints so far", total);
                }
            }
            if (total > 0) {
                LOG.info("Recomputed the blocking keys of {} complaints (key version {})", total,
                        PersonMatching.KEY_VERSION);
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("Recomputing blocking keys stopped after {} complaints; it resumes at the next start", total, e);
            }
        }
    }
}
