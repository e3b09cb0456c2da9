package org.casework.audit.impl.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEntry;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditPage;
import org.casework.audit.api.AuditQuery;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.audit.api.Verification;
import org.casework.audit.impl.internal.alerts.AlertFeed;
import org.casework.audit.impl.internal.alerts.Entry;
import org.casework.audit.impl.internal.chain.Hashes;
import org.casework.audit.impl.internal.persistence.AuditEntryEntity;
import org.casework.core.api.Caller;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The audit trail: inserts entries unchained in the caller's transaction, chains committed
 * entries on a schedule (one chainer at a time across nodes, by a database lock) and verifies
 * entries and chain.
 */
@Component(service = AuditService.class, configurationPid = AuditLog.PID)
@Designate(ocd = AuditLog.Config.class)
public class AuditLog implements AuditService {

    static final String PID = "org.casework.audit.log";

    @ObjectClassDefinition(name = "Casework audit trail")
    public @interface Config {
        @AttributeDefinition(name = "Chaining period (seconds)")
        long chainPeriodSeconds() default 10;

        @AttributeDefinition(name = "Grace (minutes)",
                description = "How long an entry may stay out of the chain before verification reports it")
        long graceMinutes() default 10;

        @AttributeDefinition(name = "Checkpoint interval (minutes)")
        long checkpointMinutes() default 5;

        @AttributeDefinition(name = "Benchmark without audit (never in production)",
                description = "Only for measuring what auditing costs (bench/run-case-create.sh --audit=on,off): "
                        + "when true, no entry is written. Switching it on is itself recorded and logged as an error.")
        boolean benchmarkWithoutAudit() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    /** Entry ids read per batch of a run: ids and times only, so a run reads little to skip the chained. */
    private static final int SCAN = 5000;
    /**
     * How far behind the earlier runs each run starts again: an entry's id is taken when it is
     * written, so a transaction still open during a run commits an id below ones already chained.
     */
    static final Duration REWIND = Duration.ofSeconds(30);
    private static final int MAX_VALUE = 2000;
    private static final long ADVISORY_LOCK = 0x4361_7365_4175_6474L;
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JpaTemplate jpa;
    private final boolean postgresql;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration grace;
    private final Duration checkpointEvery;
    /** Sweeps come often enough that an entry the runs miss is chained before it is past the grace. */
    private final Duration sweepEvery;
    /** Where the runs got to, oldest first: {epoch milliseconds, last id read}. Guarded by this. */
    private final List<long[]> marks = new ArrayList<>();
    private Instant lastSweep;
    private final ScheduledExecutorService chainer;
    private final boolean off;

    /** The misuse alert rules, fed each entry as it is chained (so once across nodes); may be absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AlertFeed alerts;

    @Activate
    public AuditLog(@Reference(target = "(osgi.unit.name=casework-audit)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.audit.impl)") MigratedSchema schema,
            Config config) {
        this(jpa, "postgresql".equals(schema.databaseProduct()), config, Clock.systemUTC(), true);
    }

    AuditLog(JpaTemplate jpa, boolean postgresql, Config config, Clock clock, boolean schedule) {
        this.jpa = jpa;
        this.postgresql = postgresql;
        this.clock = clock;
        this.grace = Duration.ofMinutes(config.graceMinutes());
        this.checkpointEvery = Duration.ofMinutes(config.checkpointMinutes());
        this.sweepEvery = grace.dividedBy(2);
        if (config.benchmarkWithoutAudit()) {
            // the last entry before the gap says why the gap is there
            record(Caller.system("audit"), new AuditEvent("audit-off", "audit", null, AuditEvent.SUCCESS, null,
                    List.of(), "benchmarkWithoutAudit=true: no entries are written until it is set back to false"));
            LOG.error("Auditing is OFF (benchmarkWithoutAudit=true in {}.cfg): no audit entry is written. "
                    + "This setting is for benchmarks only.", PID);
        }
        this.off = config.benchmarkWithoutAudit();
        if (schedule) {
            chainer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "casework-audit-chainer");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, config.chainPeriodSeconds());
            chainer.scheduleWithFixedDelay(this::chainQuietly, period, period, TimeUnit.SECONDS);
        } else {
            chainer = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (chainer != null) {
            chainer.shutdownNow();
            chainer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    @Override
    public void record(Caller caller, AuditEvent event) {
        if (off) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntryEntity e = new AuditEntryEntity(now, cut(caller.username(), 64), caller.system(),
                cut(event.remoteAddress(), 64), cut(event.action(), 40), cut(event.recordType(), 64),
                cut(event.recordId(), 64), cut(event.outcome(), 16), changes(event.changes()),
                cut(event.detail(), 2000));
        jpa.tx(TransactionType.Required, em -> {
            em.persist(e);
            if (e.getId() == null) {
                throw new IllegalStateException("The audit entry got no id before it was written");
            }
            e.setEntryHash(Hashes.entryHash(e));
        });
    }

    private String changes(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        List<FieldChange> kept = new ArrayList<>();
        for (FieldChange c : changes) {
            kept.add(new FieldChange(c.field(), cut(c.oldValue(), MAX_VALUE), cut(c.newValue(), MAX_VALUE)));
        }
        String s = write(kept);
        if (s.length() > 32_000) {
            // Too long to keep every value: keep which fields changed, and the start of each value.
            s = write(kept.stream().map(c -> new FieldChange(c.field(), cut(c.oldValue(), 100),
                    cut(c.newValue(), 100))).toList());
        }
        return s.length() > 32_000 ? s.substring(0, 32_000) : s;
    }

    private String write(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public AuditPage search(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        criterion(where, params, "actor", "e.actor", q.actor());
        criterion(where, params, "recordType", "e.recordType", q.recordType());
        criterion(where, params, "recordId", "e.recordId", q.recordId());
        criterion(where, params, "action", "e.action", q.action());
        if (q.from() != null) {
            where.append(" AND e.at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" AND e.at < :to");
            params.put("to", q.to());
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e" + where, Long.class);
            TypedQuery<AuditEntryEntity> list = em.createQuery(
                    "SELECT e FROM AuditEntryEntity e" + where + " ORDER BY e.id DESC", AuditEntryEntity.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                list.setParameter(k, v);
            });
            long total = count.getSingleResult();
            List<AuditEntryEntity> found = list.setFirstResult(q.page() * q.size()).setMaxResults(q.size())
                    .getResultList();
            return new AuditPage(toEntries(em, found), total, q.page(), q.size());
        });
    }

    private static void criterion(StringBuilder where, Map<String, Object> params, String name, String path,
            String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(path).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    @Override
    public List<AuditEntry> history(String recordType, String recordId) {
        return jpa.txExpr(TransactionType.Required, em -> toEntries(em, em.createQuery(
                "SELECT e FROM AuditEntryEntity e WHERE e.recordType = :t AND e.recordId = :i ORDER BY e.id",
                AuditEntryEntity.class).setParameter("t", recordType).setParameter("i", recordId)
                .setMaxResults(10_000).getResultList()));
    }

    private List<AuditEntry> toEntries(EntityManager em, List<AuditEntryEntity> found) {
        Map<Long, Long> positions = new HashMap<>();
        if (!found.isEmpty()) {
            var query = em.createNativeQuery("SELECT entry_id, position FROM cw_audit_chain WHERE entry_id IN ("
                    + placeholders(found.size()) + ")");
            for (int i = 0; i < found.size(); i++) {
                query.setParameter(i + 1, found.get(i).getId());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                positions.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return found.stream().map(e -> new AuditEntry(e.getId(), positions.get(e.getId()), e.getAt(), e.getActor(),
                e.isSystemCaller(), e.getRemoteAddress(), e.getAction(), e.getRecordType(), e.getRecordId(),
                e.getOutcome(), readChanges(e.getChanges()), e.getDetail())).toList();
    }

    private List<FieldChange> readChanges(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        try {
            return json.readValue(s, CHANGES);
        } catch (JsonProcessingException ex) {
            return List.of(new FieldChange("?", null, s));
        }
    }

    // ---- chaining ------------------------------------------------------------------------------

    private void chainQuietly() {
        try {
            chain();
        } catch (RuntimeException e) {
            // Another node may hold the lock, or the database may be away; the next run retries.
            LOG.debug("Chaining audit entries failed; retrying on the next run", e);
        }
    }

    /**
     * Appends committed, unchained entries to the chain, under a database lock so that one chainer
     * of all nodes runs at a time. Entries dated well before the chain's head are left out for
     * verification to report.
     *
     * @return how many entries were chained
     */
    int chain() {
        return chain(false);
    }

    /**
     * Each run reads the entries with ids above a point a little behind where the earlier runs
     * got to: its cost follows the entries written since, however long the trail and however
     * wide the grace. Every {@link #sweepEvery}, and before verification, a sweep reads the ids of
     * every entry dated within the grace, for entries the id order misses: a transaction that
     * committed more than {@link #REWIND} after taking its id, or another node still using an
     * older block of ids. (Scanning the whole grace window on every batch, with an anti-join on
     * the chain, cost the database 55 ms per batch at 200,000 recent entries and grew with them.)
     */
    synchronized int chain(boolean sweepNow) {
        Instant now = clock.instant();
        int total = 0;
        if (sweepNow || lastSweep == null || !now.isBefore(lastSweep.plus(sweepEvery))) {
            long[] swept = jpa.txExpr(TransactionType.RequiresNew, this::sweep);
            total += (int) swept[1];
            lastSweep = now;
            if (marks.isEmpty()) {
                // the first runs start where the grace window starts, until a run of their own is old enough
                marks.add(new long[] {now.minus(REWIND).toEpochMilli(), swept[0]});
            }
        }
        long after = resumePoint(now);
        while (true) {
            long from = after;
            long[] done = jpa.txExpr(TransactionType.RequiresNew, em -> chainBatch(em, from));
            if (done == null) {
                break;
            }
            after = done[0];
            total += (int) done[1];
        }
        marks.add(new long[] {now.toEpochMilli(), Math.max(after, marks.get(marks.size() - 1)[1])});
        return total;
    }

    /** Where a run starts: the point a run reached at least {@link #REWIND} ago. */
    private long resumePoint(Instant now) {
        long due = now.minus(REWIND).toEpochMilli();
        while (marks.size() > 1 && marks.get(1)[0] <= due) {
            marks.remove(0);
        }
        return marks.get(0)[1];
    }

    /**
     * Chains the next entries by id after {@code after}; returns {last id read, chained}, or null
     * when there is none. Reads ids only, then whole rows for the unchained ones.
     */
    private long[] chainBatch(EntityManager em, long after) {
        lock(em);
        Connection c = em.unwrap(Connection.class);
        // Ids only: most of a run's ids are already chained (it starts 30 s back), and reading their
        // dates too (a calendar conversion each) was half of the chainer's work; append() checks the
        // date of those it chains. A window of ids rather than "the next 5,000": PostgreSQL planned
        // the open-ended form from the table's statistics, and with statistics older than the
        // table's growth (autovacuum off, a trail that grew from empty) it scanned and sorted the
        // whole trail, 150 ms a batch at 300,000 entries. A window is bounded whatever the plan.
        long[] read;
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM cw_audit_entry WHERE id > ? AND id <= ?")) {
            st.setLong(1, after);
            st.setLong(2, after + SCAN);
            read = sortedLongs(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read audit entries after id " + after, e);
        }
        int n = read.length;
        if (n == 0) {
            // a gap in the ids (another node's block, a restart): go on from the next id there is
            Long next = nextId(c, after);
            return next == null ? null : new long[] {next - 1, 0};
        }
        long first = read[0];
        long last = read[n - 1];
        long[] chained;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT entry_id FROM cw_audit_chain WHERE entry_id >= ? AND entry_id <= ?")) {
            st.setLong(1, first);
            st.setLong(2, last);
            chained = sortedLongs(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit chain", e);
        }
        Head head = head(em);
        List<Long> todo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (java.util.Arrays.binarySearch(chained, read[i]) < 0) {
                todo.add(read[i]);
            }
        }
        return new long[] {last, append(em, head, todo)};
    }

    /** The first column of the statement's rows (ids), ascending. */
    private static long[] sortedLongs(PreparedStatement st) throws SQLException {
        java.util.stream.LongStream.Builder found = java.util.stream.LongStream.builder();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        return found.build().sorted().toArray();
    }

    /** The lowest entry id above {@code after}, or null; MIN on the key is read from the index whatever the statistics. */
    private static Long nextId(Connection c, long after) {
        try (PreparedStatement st = c.prepareStatement("SELECT MIN(id) FROM cw_audit_entry WHERE id > ?")) {
            st.setLong(1, after);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                }
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the next audit entry id after " + after, e);
        }
    }

    /**
     * Chains every unchained entry dated within the grace of the head; returns {the id before the
     * lowest such entry's (where the id-ordered runs may start), chained}.
     */
    private long[] sweep(EntityManager em) {
        lock(em);
        Head head = head(em);
        Instant cutoff = head == null ? Instant.EPOCH : head.at().minus(grace);
        Connection c = em.unwrap(Connection.class);
        long[] ids;
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM cw_audit_entry WHERE at_time >= ?")) {
            st.setTimestamp(1, java.sql.Timestamp.from(cutoff));
            st.setFetchSize(BATCH * 10);
            ids = sortedLongs(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit entries within the grace", e);
        }
        if (ids.length == 0) {
            List<?> max = em.createNativeQuery("SELECT MAX(id) FROM cw_audit_entry").getResultList();
            Object m = max.isEmpty() ? null : max.get(0);
            return new long[] {m == null ? 0 : ((Number) m).longValue(), 0};
        }
        List<Long> todo = new ArrayList<>();
        // one statement text for every chunk (the last one padded with its last id), prepared once
        try (PreparedStatement st = c.prepareStatement("SELECT entry_id FROM cw_audit_chain WHERE entry_id IN ("
                + placeholders(BATCH) + ")")) {
            for (int from = 0; from < ids.length; from += BATCH) {
                int to = Math.min(ids.length, from + BATCH);
                for (int i = 0; i < BATCH; i++) {
                    st.setLong(i + 1, ids[Math.min(from + i, to - 1)]);
                }
                Set<Long> chained = new HashSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        chained.add(rs.getLong(1));
                    }
                }
                for (int i = from; i < to; i++) {
                    if (!chained.contains(ids[i])) {
                        todo.add(ids[i]);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit chain", e);
        }
        return new long[] {ids[0] - 1, append(em, head, todo)};
    }

    /**
     * Appends the given entries (unchained, within the grace, ascending ids) after the head, in
     * batches: reads the columns the chain and the alert rules need, and takes each entry's stored
     * hash without reading the entry whole: verification recomputes every chained entry's hash
     * from its content, so an entry changed before it was chained is still reported, by position.
     * Plain JDBC: EclipseLink binds a native query's positional parameters in time quadratic in
     * their number, which made the chainer a tenth of the server's work under load.
     */
    private int append(EntityManager em, Head head, List<Long> ids) {
        // an entry dated more than the grace before the head's is left out of the chain (forged into
        // the past, or a transaction that outlived the grace): verification reports it
        Instant cutoff = head == null ? Instant.EPOCH : head.at().minus(grace);
        long position = head == null ? 0 : head.position();
        String hash = head == null ? Hashes.GENESIS : head.chainHash();
        Connection c = em.unwrap(Connection.class);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Object[]> links = new ArrayList<>(chunk.size());
            List<Entry> chained = new ArrayList<>(chunk.size());
            try (PreparedStatement st = c.prepareStatement("SELECT e.id, e.at_time, e.actor, e.system_caller, "
                    + "e.remote_address, e.action, e.record_type, e.record_id, e.outcome, e.entry_hash "
                    + "FROM cw_audit_entry e WHERE e.id IN (" + placeholders(chunk.size()) + ") ORDER BY e.id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Instant at = rs.getTimestamp(2).toInstant();
                        if (at.isBefore(cutoff)) {
                            continue;
                        }
                        position++;
                        hash = Hashes.chainHash(hash, rs.getString(10));
                        links.add(new Object[] {position, id, hash});
                        chained.add(new Entry(id, at, rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read " + chunk.size() + " audit entries to chain", e);
            }
            if (links.isEmpty()) {
                continue;
            }
            insertLinks(em, links);
            AlertFeed feed = alerts;
            if (feed != null) {
                chained.forEach(feed::chained);
            }
        }
        if (head == null ? position > 0 : position > head.position()) {
            checkpointIfDue(em, position, hash);
        }
        return (int) (position - (head == null ? 0 : head.position()));
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** One batched statement for the batch's links: the chainer shares the database with the writers. */
    private static void insertLinks(EntityManager em, List<Object[]> links) {
        java.sql.Connection c = em.unwrap(java.sql.Connection.class);
        try (java.sql.PreparedStatement st = c.prepareStatement(
                "INSERT INTO cw_audit_chain (position, entry_id, chain_hash) VALUES (?, ?, ?)")) {
            for (Object[] l : links) {
                st.setLong(1, (Long) l[0]);
                st.setLong(2, (Long) l[1]);
                st.setString(3, (String) l[2]);
                st.addBatch();
            }
            st.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not append " + links.size() + " entries to the audit chain", e);
        }
    }

    private void lock(EntityManager em) {
        if (postgresql) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")").getResultList();
            // The chainer's statements run thousands of times on one pooled connection, so the
            // driver prepares them on the server, where PostgreSQL may settle on one generic plan.
            // Planned while the audit tables were nearly empty (a new install, a bulk load that
            // writes no audit) that plan scans the table, and it stays until an ANALYZE: a batch
            // read of 500 entries took a second at 190,000 entries instead of a millisecond.
            // Planning each execution for its own ids costs about a millisecond per batch.
            try (java.sql.Statement st = em.unwrap(Connection.class).createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set the chainer's plan mode", e);
            }
        } else {
            em.createNativeQuery("UPDATE cw_audit_lock SET runs = runs + 1 WHERE id = 1").executeUpdate();
        }
    }

    private record Head(long position, String chainHash, Instant at) {
    }

    private Head head(EntityManager em) {
        List<?> rows = em.createNativeQuery("SELECT c.position, c.chain_hash, e.at_time FROM cw_audit_chain c "
                + "LEFT JOIN cw_audit_entry e ON e.id = c.entry_id ORDER BY c.position DESC FETCH FIRST 1 ROWS ONLY")
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Head(((Number) r[0]).longValue(), (String) r[1],
                r[2] == null ? Instant.EPOCH : ((java.sql.Timestamp) r[2]).toInstant());
    }

    private void checkpointIfDue(EntityManager em, long position, String hash) {
        List<?> last = em.createNativeQuery("SELECT MAX(at_time) FROM cw_audit_checkpoint").getResultList();
        Object at = last.isEmpty() ? null : last.get(0);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (at == null || ((java.sql.Timestamp) at).toInstant().plus(checkpointEvery).isBefore(now)) {
            em.createNativeQuery("INSERT INTO cw_audit_checkpoint (position, chain_hash, at_time) VALUES (?, ?, ?)")
                    .setParameter(1, position).setParameter(2, hash)
                    .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        }
    }

    // ---- verification --------------------------------------------------------------------------

    @Override
    public Verification verify() {
        chain(true);
        return jpa.txExpr(TransactionType.RequiresNew, this::check);
    }

    private Verification check(EntityManager em) {
        long expected = 1;
        String hash = Hashes.GENESIS;
        while (true) {
            List<?> rows = em.createNativeQuery("SELECT position, entry_id, chain_hash FROM cw_audit_chain "
                    + "WHERE position >= ? ORDER BY position FETCH FIRST " + BATCH + " ROWS ONLY")
                    .setParameter(1, expected).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            List<Long> ids = rows.stream().map(o -> ((Number) ((Object[]) o)[1]).longValue()).toList();
            Map<Long, AuditEntryEntity> entries = new HashMap<>();
            em.createQuery("SELECT e FROM AuditEntryEntity e WHERE e.id IN :ids", AuditEntryEntity.class)
                    .setParameter("ids", ids).getResultList().forEach(e -> entries.put(e.getId(), e));
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                long position = ((Number) r[0]).longValue();
                long entryId = ((Number) r[1]).longValue();
                String chainHash = (String) r[2];
                if (position != expected) {
                    return Verification.broken(expected - 1, expected, null,
                            "Position " + expected + " of the chain is missing.");
                }
                AuditEntryEntity e = entries.get(entryId);
                if (e == null) {
                    return Verification.broken(expected - 1, position, entryId,
                            "Entry " + entryId + " at position " + position + " has been deleted.");
                }
                if (!Hashes.entryHash(e).equals(e.getEntryHash())) {
                    return Verification.broken(expected - 1, position, entryId,
                            "Entry " + entryId + " at position " + position + " has been changed: its content does not match its hash.");
                }
                hash = Hashes.chainHash(hash, e.getEntryHash());
                if (!hash.equals(chainHash)) {
                    return Verification.broken(expected - 1, position, entryId,
                            "Entry " + entryId + " at position " + position + " does not follow from the chain before it.");
                }
                expected++;
            }
        }
        long entries = expected - 1;
        Verification checkpoints = checkCheckpoints(em, entries);
        if (checkpoints != null) {
            return checkpoints;
        }
        Verification outside = checkUnchained(em, entries);
        return outside != null ? outside : Verification.ok(entries);
    }

    private Verification checkCheckpoints(EntityManager em, long entries) {
        for (Object o : em.createNativeQuery("SELECT cp.position, cp.chain_hash, c.chain_hash FROM cw_audit_checkpoint cp "
                + "LEFT JOIN cw_audit_chain c ON c.position = cp.position ORDER BY cp.position").getResultList()) {
            Object[] r = (Object[]) o;
            long position = ((Number) r[0]).longValue();
            if (position > entries) {
                return Verification.broken(entries, entries + 1, null, "The chain ends at position " + entries
                        + " but a checkpoint recorded position " + position + ": entries were removed from its end.");
            }
            if (!r[1].equals(r[2])) {
                return Verification.broken(entries, position, null,
                        "The chain at position " + position + " differs from its checkpoint.");
            }
        }
        return null;
    }

    private Verification checkUnchained(EntityManager em, long entries) {
        Instant overdue = clock.instant().minus(grace);
        List<?> ids = em.createNativeQuery("SELECT e.id FROM cw_audit_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM cw_audit_chain c WHERE c.entry_id = e.id) ORDER BY e.id FETCH FIRST " + BATCH + " ROWS ONLY")
                .getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        for (AuditEntryEntity e : em.createQuery("SELECT e FROM AuditEntryEntity e WHERE e.id IN :ids ORDER BY e.id",
                AuditEntryEntity.class).setParameter("ids", ids.stream().map(o -> ((Number) o).longValue()).toList())
                .getResultList()) {
            if (!Hashes.entryHash(e).equals(e.getEntryHash())) {
                return Verification.broken(entries, null, e.getId(), "Entry " + e.getId()
                        + " is not in the chain and its content does not match its hash: it was inserted or changed outside Casework.");
            }
            if (e.getAt().isBefore(overdue)) {
                return Verification.broken(entries, null, e.getId(), "Entry " + e.getId() + " dated " + e.getAt()
                        + " is not in the chain: it was inserted outside Casework, or the chainer has not run.");
            }
        }
        return null;
    }
}
