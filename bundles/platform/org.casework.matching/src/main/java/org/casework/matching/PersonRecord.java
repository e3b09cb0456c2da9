package org.casework.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as a record names them.
 *
 * @param fullName the name as written
 * @param aliases other names the person is known by
 * @param dateOfBirth the date of birth, or null when unknown
 */
public record PersonRecord(String fullName, List<String> aliases, LocalDate dateOfBirth) {

    public PersonRecord {
        aliases = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).toList();
    }
}
