package org.casework.complaints.impl.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.core.api.access.Visibility;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * Reads and writes the complaints module's tables. Every method joins the caller's transaction
 * when there is one (a case save, an intake), so module rows commit or roll back with the case.
 */
@Component(service = ComplaintStore.class)
public class ComplaintStore {

    /** Separates the detainee's names in one column; never part of a name the engine accepts. */
    private static final String NAME_SEPARATOR = "\n";

    /** The queues of the resolution work. */
    public enum Queue {
        MINE, UNASSIGNED, EMERGENCY, OVERDUE
    }

    /** The indexed facts of one saved complaint, as a CaseListener hears them. */
    public record Snapshot(long caseId, String caseNumber, String status, boolean closed, String assignee,
            String createdBy, String ownerDivision, String channel, boolean emergency, Instant at, String aNumber,
            LocalDate dateOfBirth, List<String> names, Set<String> blockingKeys) {
    }

    private final JpaTemplate jpa;

    @Activate
    public ComplaintStore(@Reference(target = "(osgi.unit.name=casework-complaints)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.complaints.impl)") MigratedSchema schema) {
        this.jpa = jpa;
    }

    /** Outside OSGi (unit tests), over a template the test set up. */
    public ComplaintStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Runs work in one transaction (joining the caller's when there is one): case engine calls
     * and this store's writes inside it commit or roll back together. A platform error the
     * transaction template wrapped reaches the caller as itself.
     */
    public <R> R inTransaction(java.util.function.Supplier<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                TransactionConnection.claim(em);
                return work.get();
            });
        } catch (org.casework.core.api.CaseworkException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof org.casework.core.api.CaseworkException ce) {
                    throw ce;
                }
            }
            throw e;
        }
    }

    /** Inserts or refreshes the module's row and the detainee's blocking keys. */
    public void save(Snapshot s) {
        jpa.tx(TransactionType.Required, em -> {
            ComplaintEntity c = em.find(ComplaintEntity.class, s.caseId());
            boolean fresh = c == null;
            if (fresh) {
                c = new ComplaintEntity();
                c.caseId = s.caseId();
                c.createdBy = s.createdBy();
                c.receivedAt = s.at();
            }
            c.caseNumber = s.caseNumber();
            c.status = s.status();
            c.closed = s.closed();
            c.assignee = s.assignee();
            c.ownerDivision = s.ownerDivision();
            c.channel = s.channel();
            c.emergency = s.emergency();
            c.aNumber = s.aNumber();
            c.dateOfBirth = s.dateOfBirth();
            c.detaineeNames = joinNames(s.names());
            if (fresh) {
                em.persist(c);
                em.flush();
            } else {
                em.createQuery("DELETE FROM PersonKeyEntity k WHERE k.caseId = :id")
                        .setParameter("id", s.caseId()).executeUpdate();
            }
            persistKeys(em, s.caseId(), s.dateOfBirth(), s.blockingKeys());
            em.flush();
        });
    }

    private static void persistKeys(EntityManager em, long caseId, LocalDate dateOfBirth, Set<String> keys) {
        for (String key : keys) {
            PersonKeyEntity k = new PersonKeyEntity();
            k.caseId = caseId;
            k.blockingKey = key.length() > 255 ? key.substring(0, 255) : key;
            k.dateOfBirth = dateOfBirth;
            k.keyVersion = PersonMatching.KEY_VERSION;
            em.persist(k);
        }
    }

    /**
     * Recomputes the blocking keys of up to {@code batch} complaints whose keys an older
     * {@link PersonMatching#KEY_VERSION} computed (or none recorded its date of birth yet), from
     * the names and date of birth in the complaint's own row; one transaction per batch.
     *
     * @return how many complaints were re-keyed; 0 when none is left
     */
    public int refreshStaleKeys(int batch) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            List<Long> ids = em.createQuery("SELECT DISTINCT k.caseId FROM PersonKeyEntity k WHERE k.keyVersion <> :v",
                    Long.class).setParameter("v", PersonMatching.KEY_VERSION).setMaxResults(batch).getResultList();
            if (ids.isEmpty()) {
                return 0;
            }
            em.createQuery("DELETE FROM PersonKeyEntity k WHERE k.caseId IN :ids").setParameter("ids", ids)
                    .executeUpdate();
            for (ComplaintEntity c : em.createQuery("SELECT c FROM ComplaintEntity c WHERE c.caseId IN :ids",
                    ComplaintEntity.class).setParameter("ids", ids).getResultList()) {
                List<String> names = splitNames(c.detaineeNames);
                if (!names.isEmpty()) {
                    PersonRecord person = new PersonRecord(names.get(0), names.subList(1, names.size()), c.dateOfBirth);
                    persistKeys(em, c.caseId, c.dateOfBirth, PersonMatching.blockingKeys(person));
                }
            }
            em.flush();
            return ids.size();
        });
    }

    public Optional<Rows.Complaint> find(long caseId) {
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(ComplaintEntity.class, caseId))
                .map(ComplaintStore::row));
    }

    /** Records what the portal's submitter accepted and when the original must be destroyed. */
    public void recordIntake(long caseId, String privacyVersion, Instant privacyAcceptedAt, String remoteAddress,
            LocalDate destructionDue) {
        jpa.tx(TransactionType.Required, em -> {
            ComplaintEntity c = required(em, caseId);
            c.privacyVersion = privacyVersion;
            c.privacyAcceptedAt = privacyAcceptedAt;
            c.remoteAddress = remoteAddress;
            c.destructionDue = destructionDue;
            em.flush();
        });
    }

    /** Records that the paper or e-mail original was destroyed; false when it already was. */
    public boolean recordDestruction(long caseId, String by, Instant at, String note) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            ComplaintEntity c = required(em, caseId);
            if (c.destroyedAt != null) {
                return false;
            }
            c.destroyedAt = at;
            c.destroyedBy = by;
            c.destructionNote = note;
            em.flush();
            return true;
        });
    }

    public void recordTriage(long caseId, String outcome, String referredTo, String note, String by, Instant at) {
        jpa.tx(TransactionType.Required, em -> {
            ComplaintEntity c = required(em, caseId);
            c.triageOutcome = outcome;
            c.referredTo = referredTo;
            c.triageNote = note;
            c.triagedBy = by;
            c.triagedAt = at;
            em.flush();
        });
    }

    public void recordResolution(long caseId, String outcome, Instant at) {
        jpa.tx(TransactionType.Required, em -> {
            ComplaintEntity c = required(em, caseId);
            c.resolutionOutcome = outcome;
            c.resolvedAt = at;
            em.flush();
        });
    }

    /** Earlier-indexed detainees that may be the same person, without a date of birth to narrow them. */
    public List<Rows.IndexedPerson> candidates(long excludeCaseId, String aNumber, Collection<String> blockingKeys,
            int limit) {
        return candidates(excludeCaseId, aNumber, blockingKeys, null, limit);
    }

    /**
     * How many complaints without a usable date of birth one blocking key contributes at most, the
     * newest first, unless the caller says otherwise. A common name's key is shared by thousands of
     * complaints in a large office; without a bound the lookup would group all of them, and its
     * cost would grow with the number of complaints ever filed.
     */
    public static final int NEWEST_PER_KEY = 100;

    /** {@link #candidates(long, String, Collection, LocalDate, int, int)} with {@link #NEWEST_PER_KEY}. */
    public List<Rows.IndexedPerson> candidates(long excludeCaseId, String aNumber, Collection<String> blockingKeys,
            LocalDate dateOfBirth, int limit) {
        return candidates(excludeCaseId, aNumber, blockingKeys, dateOfBirth, limit, NEWEST_PER_KEY);
    }

    /**
     * Earlier-indexed detainees that may be the same person: every complaint with the same A-Number
     * (never capped away); complaints sharing a blocking key whose date of birth is compatible with
     * {@code dateOfBirth} ({@link PersonMatching#compatibleBirthDates}: the matcher rejects any
     * other date, so the filter loses no match); and, per shared key, the {@code newestPerKey}
     * newest complaints whose date of birth is unknown (of any date when {@code dateOfBirth} is
     * unknown). Key candidates are ranked, those with a compatible date before the others, then by
     * how many keys they share, the newest first; at most {@code limit} of them are loaded. The
     * complaint itself is left out. Every query is answered by an index and reads a bounded number
     * of rows whatever the number of complaints; only the columns the comparison needs are read.
     */
    public List<Rows.IndexedPerson> candidates(long excludeCaseId, String aNumber, Collection<String> blockingKeys,
            LocalDate dateOfBirth, int limit, int newestPerKey) {
        if (newestPerKey < 1) {
            throw new IllegalArgumentException("newestPerKey " + newestPerKey);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            Set<Long> ids = new LinkedHashSet<>();
            if (aNumber != null) {
                ids.addAll(em.createQuery("SELECT c.caseId FROM ComplaintEntity c WHERE c.aNumber = :a", Long.class)
                        .setParameter("a", aNumber).getResultList());
            }
            if (!blockingKeys.isEmpty()) {
                List<String> keys = blockingKeys.stream().map(k -> k.length() > 255 ? k.substring(0, 255) : k)
                        .distinct().toList();
                Set<LocalDate> dates = PersonMatching.compatibleBirthDates(dateOfBirth);
                Set<Long> byKey = new LinkedHashSet<>();
                if (!dates.isEmpty()) {
                    byKey.addAll(ids(em.createQuery("SELECT k.caseId, COUNT(k.caseId) AS shared FROM PersonKeyEntity k "
                            + "WHERE k.blockingKey IN :keys AND k.caseId <> :self AND k.dateOfBirth IN :dates "
                            + "GROUP BY k.caseId ORDER BY shared DESC, k.caseId DESC", Object[].class)
                            .setParameter("keys", keys).setParameter("self", excludeCaseId)
                            .setParameter("dates", List.copyOf(dates)).setMaxResults(limit).getResultList()));
                }
                if (byKey.size() < limit) {
                    for (Long id : newestPerKey(em, keys, excludeCaseId, dates.isEmpty(), newestPerKey)) {
                        if (byKey.size() >= limit) {
                            break;
                        }
                        byKey.add(id);
                    }
                }
                ids.addAll(byKey);
            }
            ids.remove(excludeCaseId);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Rows.IndexedPerson> out = readPersons(em.unwrap(java.sql.Connection.class), List.copyOf(ids));
            out.sort(java.util.Comparator.comparingLong(Rows.IndexedPerson::caseId));
            return out;
        });
    }

    /**
     * One page of a queue, emergencies first, then oldest first; only complaints the visibility
     * lets the caller see, so the total counts nothing hidden.
     */
    public Rows.IdPage queue(Queue queue, Visibility visibility, String username, Instant overdueBefore, int page,
            int size) {
        if (visibility.none()) {
            return new Rows.IdPage(List.of(), 0);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            // boolean literals are written as 0/1 for Derby, which refuses to compare them: parameters
            StringBuilder where = new StringBuilder(" WHERE c.closed = :no");
            switch (queue) {
                case MINE -> where.append(" AND c.assignee = :me");
                case UNASSIGNED -> where.append(" AND c.assignee IS NULL");
                case EMERGENCY -> where.append(" AND c.emergency = :yes");
                case OVERDUE -> where.append(" AND c.receivedAt < :cutoff");
                default -> throw new IllegalArgumentException(queue.name());
            }
            boolean needMe = queue == Queue.MINE;
            if (!visibility.all()) {
                List<String> reach = new ArrayList<>();
                if (!visibility.divisions().isEmpty()) {
                    reach.add("c.ownerDivision IN :divisions");
                }
                if (visibility.assigned()) {
                    reach.add("c.assignee = :me");
                }
                if (visibility.own() || visibility.assigned()) {
                    reach.add("c.createdBy = :me");
                }
                if (!visibility.grantedIds().isEmpty()) {
                    reach.add("c.caseId IN :granted");
                }
                where.append(" AND (").append(String.join(" OR ", reach)).append(')');
                needMe |= visibility.own() || visibility.assigned();
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM ComplaintEntity c" + where, Long.class);
            TypedQuery<ComplaintEntity> items = em.createQuery("SELECT c FROM ComplaintEntity c" + where
                    + " ORDER BY c.emergency DESC, c.receivedAt ASC, c.caseId ASC", ComplaintEntity.class);
            for (TypedQuery<?> q : List.of(count, items)) {
                q.setParameter("no", Boolean.FALSE);
                if (queue == Queue.EMERGENCY) {
                    q.setParameter("yes", Boolean.TRUE);
                }
                if (needMe) {
                    q.setParameter("me", username);
                }
                if (queue == Queue.OVERDUE) {
                    q.setParameter("cutoff", overdueBefore);
                }
                if (!visibility.all() && !visibility.divisions().isEmpty()) {
                    q.setParameter("divisions", List.copyOf(visibility.divisions()));
                }
                if (!visibility.all() && !visibility.grantedIds().isEmpty()) {
                    q.setParameter("granted", visibility.grantedIds().stream().map(ComplaintStore::parseId).toList());
                }
            }
            long total = count.getSingleResult();
            List<Rows.Complaint> rows = items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(ComplaintStore::row).toList();
            return new Rows.IdPage(rows, total);
        });
    }

    // ---- engagement and correspondence ----------------------------------------------------

    public Rows.Engagement addEngagement(long caseId, Instant contactedAt, String party, String channel, String summary,
            LocalDate followUpOn, String by, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            required(em, caseId);
            EngagementEntity e = new EngagementEntity();
            e.caseId = caseId;
            e.contactedAt = contactedAt;
            e.party = party;
            e.channel = channel;
            e.summary = summary;
            e.followUpOn = followUpOn;
            e.recordedBy = by;
            e.recordedAt = at;
            em.persist(e);
            em.flush();
            return row(e);
        });
    }

    public List<Rows.Engagement> engagements(long caseId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT e FROM EngagementEntity e WHERE e.caseId = :id ORDER BY e.contactedAt, e.id", EngagementEntity.class)
                .setParameter("id", caseId).getResultList().stream().map(ComplaintStore::row).toList());
    }

    /** Follow-ups due on or before the day that nobody has been reminded of yet. */
    public List<Rows.Engagement> dueFollowUps(LocalDate day, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT e FROM EngagementEntity e WHERE e.followUpOn <= :day AND e.remindedAt IS NULL ORDER BY e.followUpOn, e.id",
                EngagementEntity.class).setParameter("day", day).setMaxResults(limit).getResultList().stream()
                .map(ComplaintStore::row).toList());
    }

    /** Marks a follow-up reminded; false when another node got there first. */
    public boolean markReminded(long engagementId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "UPDATE EngagementEntity e SET e.remindedAt = :at WHERE e.id = :id AND e.remindedAt IS NULL")
                .setParameter("at", at).setParameter("id", engagementId).executeUpdate() == 1);
    }

    public Rows.Correspondence addCorrespondence(long caseId, Instant sentAt, String recipientKind, String medium,
            String recipient, String subject, Long attachmentId, String by) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            required(em, caseId);
            CorrespondenceEntity c = new CorrespondenceEntity();
            c.caseId = caseId;
            c.sentAt = sentAt;
            c.recipientKind = recipientKind;
            c.medium = medium;
            c.recipient = recipient;
            c.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
            c.attachmentId = attachmentId;
            c.recordedBy = by;
            em.persist(c);
            em.flush();
            return row(c);
        });
    }

    public List<Rows.Correspondence> correspondence(long caseId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CorrespondenceEntity c WHERE c.caseId = :id ORDER BY c.sentAt, c.id", CorrespondenceEntity.class)
                .setParameter("id", caseId).getResultList().stream().map(ComplaintStore::row).toList());
    }

    // ---- categories ---------------------------------------------------------------------------

    public List<Rows.Category> categories() {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CategoryEntity c ORDER BY c.label", CategoryEntity.class).getResultList().stream()
                .map(c -> new Rows.Category(c.key, c.label, c.active, c.builtIn)).toList());
    }

    /** Adds a category, or changes the label and active flag of an existing one. */
    public Rows.Category saveCategory(String key, String label, boolean active) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TransactionConnection.claim(em);
            CategoryEntity c = em.find(CategoryEntity.class, key);
            if (c == null) {
                c = new CategoryEntity();
                c.key = key;
                c.builtIn = false;
                c.label = label;
                c.active = active;
                em.persist(c);
            } else {
                c.label = label;
                c.active = active;
            }
            em.flush();
            return new Rows.Category(c.key, c.label, c.active, c.builtIn);
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The IN-list lengths candidate reads use, so that the database sees a few statements again and again. */
    private static final int[] IN_SIZES = {10, 50, 100, 250, 500};

    /**
     * The indexed detainees of the given complaints, read over JDBC: a lookup reads up to
     * {@code triageCandidates} rows, and mapping them through JPA cost more than the query. Each
     * chunk's IN list is padded (with its last id) to one of {@link #IN_SIZES}, so the statement
     * text repeats and stays prepared on the connection.
     */
    private static List<Rows.IndexedPerson> readPersons(java.sql.Connection connection, List<Long> ids) {
        List<Rows.IndexedPerson> out = new ArrayList<>(ids.size());
        int max = IN_SIZES[IN_SIZES.length - 1];
        for (int from = 0; from < ids.size(); from += max) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + max));
            int size = java.util.Arrays.stream(IN_SIZES).filter(n -> n >= chunk.size()).findFirst().orElse(max);
            StringBuilder sql = new StringBuilder(
                    "SELECT case_id, a_number, date_of_birth, detainee_names FROM cmp_complaint WHERE case_id IN (");
            for (int i = 0; i < size; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            try (java.sql.PreparedStatement st = connection.prepareStatement(sql.append(')').toString())) {
                for (int i = 0; i < size; i++) {
                    st.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date born = rs.getDate(3);
                        out.add(new Rows.IndexedPerson(rs.getLong(1), rs.getString(2),
                                born == null ? null : born.toLocalDate(), splitNames(rs.getString(4))));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not read " + chunk.size() + " indexed detainees", e);
            }
        }
        return out;
    }

    /**
     * The newest complaints per key with an unknown date of birth (with any date when
     * {@code anyBirthDate}), ranked by how many of the keys they share, then newest first. One
     * statement: a union of one bounded index scan per key.
     */
    private static List<Long> newestPerKey(EntityManager em, List<String> keys, long excludeCaseId,
            boolean anyBirthDate, int perKey) {
        StringBuilder sql = new StringBuilder("SELECT case_id FROM (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT case_id FROM (SELECT case_id FROM cmp_person_key "
                    + "WHERE blocking_key = ? AND case_id <> ?").append(anyBirthDate ? "" : " AND date_of_birth IS NULL")
                    .append(" ORDER BY case_id DESC FETCH FIRST ").append(perKey).append(" ROWS ONLY) k")
                    .append(i);
        }
        sql.append(") candidates");
        java.util.Map<Long, Integer> shared = new java.util.HashMap<>();
        // plain JDBC, like the rows read next: EclipseLink's handling of a native result cost more than the query
        try (java.sql.PreparedStatement st = em.unwrap(java.sql.Connection.class).prepareStatement(sql.toString())) {
            int p = 1;
            for (String key : keys) {
                st.setString(p++, key);
                st.setLong(p++, excludeCaseId);
            }
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    shared.merge(rs.getLong(1), 1, Integer::sum);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read the newest complaints of " + keys.size() + " keys", e);
        }
        return shared.entrySet().stream()
                .sorted(java.util.Map.Entry.<Long, Integer>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.<Long, Integer>comparingByKey().reversed()))
                .map(java.util.Map.Entry::getKey).toList();
    }

    private static List<Long> ids(List<Object[]> rankedRows) {
        return rankedRows.stream().map(r -> ((Number) r[0]).longValue()).toList();
    }

    private static ComplaintEntity required(EntityManager em, long caseId) {
        ComplaintEntity c = em.find(ComplaintEntity.class, caseId);
        if (c == null) {
            throw new org.casework.core.api.NotFoundException("Complaint " + caseId);
        }
        return c;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String joinNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        String joined = String.join(NAME_SEPARATOR, names);
        return joined.length() > 4000 ? joined.substring(0, 4000) : joined;
    }

    static List<String> splitNames(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(NAME_SEPARATOR));
    }

    private static Rows.Complaint row(ComplaintEntity c) {
        return new Rows.Complaint(c.caseId, c.caseNumber, c.status, c.closed, c.assignee, c.createdBy, c.ownerDivision,
                c.channel, c.emergency, c.receivedAt, c.aNumber, c.dateOfBirth, splitNames(c.detaineeNames),
                c.privacyVersion, c.privacyAcceptedAt, c.destructionDue, c.destroyedAt, c.destroyedBy,
                c.destructionNote, c.triageOutcome, c.referredTo, c.triageNote, c.triagedBy, c.triagedAt,
                c.resolutionOutcome, c.resolvedAt);
    }

    private static Rows.Engagement row(EngagementEntity e) {
        return new Rows.Engagement(e.id, e.caseId, e.contactedAt, e.party, e.channel, e.summary, e.followUpOn,
                e.remindedAt, e.recordedBy, e.recordedAt);
    }

    private static Rows.Correspondence row(CorrespondenceEntity c) {
        return new Rows.Correspondence(c.id, c.caseId, c.sentAt, c.recipientKind, c.medium, c.recipient, c.subject,
                c.attachmentId, c.recordedBy);
    }
}
