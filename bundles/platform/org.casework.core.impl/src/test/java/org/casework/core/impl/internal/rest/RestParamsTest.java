package org.casework.core.impl.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.casework.core.api.NotFoundException;
import org.casework.core.api.ValidationException;
import org.junit.jupiter.api.Test;

class RestParamsTest {

    @Test
    void badParametersAreRefusedNamingThem() {
        assertEquals(LocalDate.parse("2026-03-01"), RestParams.date("from", " 2026-03-01 "));
        assertNull(RestParams.date("from", ""));
        assertEquals("from", assertThrows(ValidationException.class, () -> RestParams.date("from", "yesterday"))
                .errors().get(0).field());
        assertEquals("to", assertThrows(ValidationException.class, () -> RestParams.date("to", "2026-02-30"))
                .errors().get(0).field());
        assertEquals("size", assertThrows(ValidationException.class, () -> RestParams.integer("size", "x", 20))
                .errors().get(0).field());
        assertEquals(20, RestParams.integer("size", null, 20));
    }

    @Test
    void malformedIdsAreUnknownRecords() {
        assertEquals(42, RestParams.id("42"));
        assertThrows(NotFoundException.class, () -> RestParams.id("0"));
        assertThrows(NotFoundException.class, () -> RestParams.id("abc"));
    }

    @Test
    void sortReadsFieldAndDirection() {
        assertEquals(new RestParams.Sort("workDate", false), RestParams.Sort.parse(null, "workDate", false));
        assertEquals(new RestParams.Sort("minutes", true), RestParams.Sort.parse("minutes,asc", "workDate", false));
        assertEquals(new RestParams.Sort("person", false), RestParams.Sort.parse("person", "workDate", false));
        assertEquals("sort", assertThrows(ValidationException.class,
                () -> RestParams.Sort.parse("minutes,up", "workDate", false)).errors().get(0).field());
    }
}
