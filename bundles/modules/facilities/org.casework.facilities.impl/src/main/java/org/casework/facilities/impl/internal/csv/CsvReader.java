package org.casework.facilities.impl.internal.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 writes them: fields in double quotes may hold commas,
 * line breaks and doubled quotes; lines end in LF or CRLF; a byte-order mark before the first
 * field is skipped. Completely empty lines are skipped. Not thread-safe.
 */
public final class CsvReader {

    /** One record and the line of the file it starts on (1-based). */
    public record Row(int line, List<String> fields) {
    }

    /** The file is not well-formed CSV at {@code line}. */
    public static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Reader in;
    private final int maxFieldLength;
    private int line = 1;
    private boolean first = true;

    /**
     * @param in the text
     * @param maxFieldLength the longest field accepted; longer ones are refused as malformed, so
     *     that a missing closing quote cannot swallow the rest of a large file into memory
     */
    public CsvReader(Reader in, int maxFieldLength) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
    }

    private int read() {
        try {
            int c = in.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record, or null at the end of the text. */
    public Row next() throws MalformedCsvException {
        int c = read();
        while (c == '\r' || c == '\n') {
            if (c == '\n') {
                line++;
            } else {
                int d = read();
                if (d != '\n') {
                    throw new MalformedCsvException(line, "A carriage return must be followed by a line feed.");
                }
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = quoted(field, start);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw new MalformedCsvException(line, "Field " + (fields.size() + 1)
                                + " has a quote inside it; put the whole field in quotes and "
                                + "double the quotes inside.");
                    }
                    append(field, c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                if (read() != '\n') {
                    throw new MalformedCsvException(line, "A carriage return must be followed by a line feed.");
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
            return new Row(start, fields);
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing one. */
    private int quoted(StringBuilder field, int start) throws MalformedCsvException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new MalformedCsvException(start, "A quoted field is not closed.");
            }
            if (c == '"') {
                int d = read();
                if (d == '"') {
                    append(field, '"');
                    continue;
                }
                if (d != ',' && d != '\n' && d != '\r' && d != -1) {
                    throw new MalformedCsvException(line, "Only a comma or the end of the line may "
                            + "follow a closing quote.");
                }
                return d;
            }
            if (c == '\n') {
                line++;
            }
            append(field, c);
        }
    }

    private void append(StringBuilder field, int c) throws MalformedCsvException {
        if (field.length() >= maxFieldLength) {
            throw new MalformedCsvException(line, "A field is longer than " + maxFieldLength
                    + " characters.");
        }
        field.append((char) c);
    }

    /** Every record of the text. */
    public List<Row> readAll() throws MalformedCsvException {
        List<Row> rows = new ArrayList<>();
        for (Row row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return rows;
    }
}
