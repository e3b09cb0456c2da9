package org.casework.litigation.impl.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

    @Test
    void textIsEscaped() {
        assertEquals("a\\, b\\; c\\\\d\\ne", ICalendarWriter.text("a, b; c\\d\r\ne"));
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        ICalendarWriter.line(out, "DESCRIPTION:" + "é".repeat(100));
        String[] lines = out.toString().split("\r\n");
        for (String l : lines) {
            assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, l);
        }
        String unfolded = out.toString().replace("\r\n ", "");
        assertEquals("DESCRIPTION:" + "é".repeat(100) + "\r\n", unfolded);
    }
}
