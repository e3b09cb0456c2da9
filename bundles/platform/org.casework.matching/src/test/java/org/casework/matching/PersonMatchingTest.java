package org.casework.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonMatchingTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 4);

    @Test
    void foldsCaseAndDiacriticsAndFindsSwappedNames() {
        PersonRecord probe = new PersonRecord("José Ramírez", List.of(), BORN);
        PersonRecord stored = new PersonRecord("RAMIREZ, Jose", List.of(), BORN);
        assertEquals(PersonMatching.blockingKeys(probe), PersonMatching.blockingKeys(stored));
        PersonMatch m = PersonMatching.compare(probe, stored).orElseThrow();
        assertEquals(1.0, m.score());
        assertTrue(m.reasons().get(1).contains("1990-05-04"), m.reasons().toString());
    }

    @Test
    void matchesThroughAnAliasButNotAcrossDatesOfBirth() {
        PersonRecord probe = new PersonRecord("Ana Lima", List.of(), null);
        PersonRecord stored = new PersonRecord("Ana Souza", List.of("Ana Lima"), BORN);
        assertTrue(PersonMatching.compare(probe, stored).isPresent());
        PersonRecord other = new PersonRecord("Ana Lima", List.of(), BORN.plusDays(1));
        assertTrue(PersonMatching.compare(other, stored).isEmpty());
        assertEquals(Set.of("ana souza", "ana lima"), PersonMatching.blockingKeys(stored));
    }
}
