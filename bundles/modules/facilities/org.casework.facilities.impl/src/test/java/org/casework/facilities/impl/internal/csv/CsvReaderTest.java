package org.casework.facilities.impl.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.casework.facilities.impl.internal.csv.CsvReader.MalformedCsvException;
import org.casework.facilities.impl.internal.csv.CsvReader.Row;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<Row> read(String text) throws MalformedCsvException {
        return new CsvReader(new StringReader(text), 100).readAll();
    }

    @Test
    void plainFieldsAndEmptyFields() throws Exception {
        List<Row> rows = read("a,b,c\n1,,3\n");
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
        assertEquals(List.of("1", "", "3"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        List<Row> rows = read("code,name\r\n\"X\",\"Smith, \"\"Big\"\" Jail\"\r\n\"Y\",\"two\nlines\"\r\nZ,\"\"");
        assertEquals(List.of("X", "Smith, \"Big\" Jail"), rows.get(1).fields());
        assertEquals(List.of("Y", "two\nlines"), rows.get(2).fields());
        // the record after a field with a line break starts on the right line
        assertEquals(5, rows.get(3).line());
        assertEquals(List.of("Z", ""), rows.get(3).fields());
    }

    @Test
    void byteOrderMarkAndBlankLinesAreSkipped() throws Exception {
        List<Row> rows = read("\uFEFFcode,name\n\n\nA,B\n\n");
        assertEquals(List.of("code", "name"), rows.get(0).fields());
        assertEquals(List.of("A", "B"), rows.get(1).fields());
        assertEquals(4, rows.get(1).line());
        assertEquals(2, rows.size());
    }

    @Test
    void trailingCommaGivesAnEmptyLastField() throws Exception {
        assertEquals(List.of("a", ""), read("a,\n").get(0).fields());
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> read("code,name\nA,\"never closed\nB,C\n"));
        assertEquals(2, e.line());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefused() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> read("code,name\nA,Big \"X\" Jail\n"));
        assertEquals(2, e.line());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class,
                () -> read("code,name\n\nA,\"X\"Y\n"));
        assertEquals(3, e.line());
    }

    @Test
    void aRunawayFieldIsCutOff() {
        String longField = "\"" + "x".repeat(500);
        assertThrows(MalformedCsvException.class, () -> read("a\n" + longField));
    }
}
