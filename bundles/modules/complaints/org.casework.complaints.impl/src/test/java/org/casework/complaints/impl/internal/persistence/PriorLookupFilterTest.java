package org.casework.complaints.impl.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.TransactionType;
import org.casework.matching.PersonMatching;
import org.casework.matching.PersonRecord;
import org.casework.testing.DerbyJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The candidate query's date-of-birth filter, ranking and cap, and the re-keying of keys from an
 * older key version, on real in-memory Derby with both migrations.
 */
class PriorLookupFilterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String[] GIVEN = {"José", "Maria", "Mohammed", "Muhammad", "Olga", "Wei", "Thi Lan", "Jean",
        "Ana", "Ahmed", "Dmitri", "Guadalupe", "Xiaoming", "Nguyen Van", "Fatima", "Marie"};
    private static final String[] FAMILY = {"García", "Garcia", "Hernández", "al-Hassan", "Ivanova", "Zhang", "Nguyen",
        "Pierre", "Haddad", "Petrov", "López", "Tran", "Baptiste", "Rodriguez", "Chen", "Ibrahim"};

    private DerbyJpaTemplate jpa;
    private ComplaintStore store;
    private final List<PersonRecord> saved = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        jpa = new DerbyJpaTemplate("casework-complaints-test", "V1__complaints.derby.sql", "V2__person_key_dob.derby.sql", "V4__person_key_newest.derby.sql");
        store = new ComplaintStore(jpa);
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    /** A few hundred detainees, many filed about more than once under variant names and dates. */
    private void generate(int people) {
        Random r = new Random(42);
        for (int p = 0; p < people; p++) {
            String given = GIVEN[r.nextInt(GIVEN.length)];
            String family = FAMILY[r.nextInt(FAMILY.length)];
            LocalDate dob = LocalDate.of(1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28));
            int complaints = 1 + r.nextInt(3);
            for (int c = 0; c < complaints; c++) {
                String name = switch (r.nextInt(5)) {
                    case 0 -> family + " " + given;
                    case 1 -> given + " " + family.replace('a', 'e');
                    case 2 -> PersonMatching.normalize(given + " " + family);
                    default -> given + " " + family;
                };
                LocalDate d = switch (r.nextInt(6)) {
                    case 0 -> null;
                    case 1 -> dob.getDayOfMonth() <= 12 ? LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()) : dob;
                    case 2 -> dob.plusYears(1);
                    default -> dob;
                };
                List<String> aliases = r.nextInt(3) == 0 ? List.of(given.substring(0, 1) + ". " + family) : List.of();
                save(new PersonRecord(name, aliases, d));
            }
        }
    }

    private long save(PersonRecord p) {
        saved.add(p);
        long id = saved.size();
        List<String> names = new ArrayList<>();
        names.add(p.fullName());
        names.addAll(p.aliases());
        store.save(new ComplaintStore.Snapshot(id, "CMP-2026-" + id, "RECEIVED", false, null, "clerk", null, "MAIL", false,
                T0, null, p.dateOfBirth(), names, PersonMatching.blockingKeys(p)));
        return id;
    }

    private Set<Long> matches(long id, List<Rows.IndexedPerson> candidates) {
        PersonRecord probe = saved.get((int) id - 1);
        Set<Long> out = new TreeSet<>();
        for (Rows.IndexedPerson c : candidates) {
            PersonRecord other = new PersonRecord(c.names().get(0), c.names().subList(1, c.names().size()), c.dateOfBirth());
            if (PersonMatching.compare(probe, other).isPresent()) {
                out.add(c.caseId());
            }
        }
        return out;
    }

    @Test
    void theBirthDateFilterLosesNoMatchTheUnfilteredCandidatesWouldGive() {
        generate(250);
        int matched = 0;
        int filteredAway = 0;
        for (long id = 1; id <= saved.size(); id++) {
            PersonRecord probe = saved.get((int) id - 1);
            Set<String> keys = PersonMatching.blockingKeys(probe);
            List<Rows.IndexedPerson> all = store.candidates(id, null, keys, null, 100_000);
            List<Rows.IndexedPerson> filtered = store.candidates(id, null, keys, probe.dateOfBirth(), 100_000);
            Set<Long> expected = matches(id, all);
            assertEquals(expected, matches(id, filtered), "matches of complaint " + id + " " + probe);
            matched += expected.size();
            filteredAway += all.size() - filtered.size();
        }
        assertTrue(matched > 100, "the generated set has repeat detainees: " + matched);
        assertTrue(filteredAway > 1000, "the filter leaves candidates out: " + filteredAway);
    }

    @Test
    void candidatesWithACompatibleBirthDateComeBeforeThoseWithoutOneAndTheCapKeepsTheANumberMatches() {
        LocalDate dob = LocalDate.parse("1980-03-04");
        long unknown = save(new PersonRecord("Juan Perez", List.of(), null));
        long swapped = save(new PersonRecord("Juan Perez", List.of(), LocalDate.parse("1980-04-03")));
        long other = save(new PersonRecord("Juan Perez", List.of(), LocalDate.parse("1970-01-01")));
        long same = save(new PersonRecord("Perez Juan", List.of("Juan Peres"), dob));
        store.save(new ComplaintStore.Snapshot(99, "CMP-99", "RECEIVED", false, null, "clerk", null, "MAIL", false, T0,
                "123456789", null, List.of("Someone Else"), Set.of("else someone")));
        Set<String> keys = PersonMatching.blockingKeys(new PersonRecord("Juan Perez", List.of(), dob));

        List<Long> ids = store.candidates(0, null, keys, dob, 10).stream().map(Rows.IndexedPerson::caseId).toList();
        assertEquals(List.of(unknown, swapped, same), ids, "a date the matcher rejects is not even loaded");
        List<Long> capped = store.candidates(0, "123456789", keys, dob, 2).stream().map(Rows.IndexedPerson::caseId).toList();
        assertEquals(3, capped.size(), capped.toString());
        assertTrue(capped.contains(99L), "the A-Number match is always kept");
        assertTrue(!capped.contains(unknown), "a compatible date ranks before an unknown one: " + capped);
        assertTrue(!capped.contains(other));
    }

    @Test
    void keysFromAnOlderKeyVersionAreRecomputedFromTheComplaintsOwnRow() {
        LocalDate dob = LocalDate.parse("1990-01-02");
        long id = save(new PersonRecord("Ana Diaz", List.of("Ana Díaz Soto"), dob));
        jpa.tx(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE cmp_person_key SET key_version = 0, blocking_key = 'stale', date_of_birth = NULL")
                    .executeUpdate();
        });
        Set<String> keys = PersonMatching.blockingKeys(new PersonRecord("Ana Diaz", List.of(), dob));
        assertTrue(store.candidates(0, null, keys, dob, 10).isEmpty());

        assertEquals(1, store.refreshStaleKeys(500));
        assertEquals(0, store.refreshStaleKeys(500), "nothing is left once every key is current");
        assertEquals(List.of(id), store.candidates(0, null, keys, dob, 10).stream().map(Rows.IndexedPerson::caseId).toList());
        Number version = jpa.txExpr(TransactionType.Required, em -> (Number) em.createNativeQuery(
                "SELECT MIN(key_version) FROM cmp_person_key").getSingleResult());
        assertEquals(PersonMatching.KEY_VERSION, version.intValue());
    }
}
