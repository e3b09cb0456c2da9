package org.casework.facilities.impl.internal.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.FacilityInput;
import org.casework.facilities.impl.internal.service.FacilityRules;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanContact;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanFacility;

/**
 * Turns a facility CSV file into checked rows, or refuses it with one error per bad line and
 * column (field {@code line<n>.<column as the header writes it>}), so that an import either
 * applies every row or none. Header names are matched ignoring case, spaces, dashes and
 * underscores; {@code code} and {@code name} are required columns, the others optional.
 */
public final class FacilityCsv {

    /** The most data rows one file may hold. */
    public static final int MAX_ROWS = 10_000;
    /** The longest field; far above any rule's limit, it only bounds a runaway quote. */
    static final int MAX_FIELD = 4_000;
    /** How many errors are reported before the rest of the file is left unchecked. */
    static final int MAX_ERRORS = 100;

    /** Canonical column names by their normalised spelling. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String name : List.of("code", "name", "operator", "facilityType", "address",
                "areaOfResponsibility", "inJurisdiction", "active", "iceContactName",
                "iceContactEmail", "cbpContactName", "cbpContactEmail")) {
            COLUMNS.put(normalise(name), name);
        }
        COLUMNS.put("type", "facilityType");
        COLUMNS.put("aor", "areaOfResponsibility");
    }

    /**
     * One facility of the file, checked.
     *
     * @param line where its record starts
     * @param facility the facility's data
     * @param columns the canonical names of the columns the file has; a column it lacks leaves
     *     that field of an existing facility as it is
     * @param contacts the points of contact the row names, ICE first
     */
    public record ImportRow(int line, CleanFacility facility, Set<String> columns,
            List<CleanContact> contacts) {
    }

    private FacilityCsv() {
    }

    private static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static String at(int line, String column) {
        return column == null ? "line" + line : "line" + line + "." + column;
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws ValidationException listing every bad line (up to {@value #MAX_ERRORS}); nothing
     *     is returned for a file with any error
     */
    public static List<ImportRow> read(Reader text) {
        List<CsvReader.Row> records;
        try {
            records = new CsvReader(text, MAX_FIELD).readAll();
        } catch (CsvReader.MalformedCsvException e) {
            throw new ValidationException(at(e.line(), null), "csv",
                    "Line " + e.line() + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new ValidationException("file", "required",
                    "The file is empty: send a header row and at least one facility.");
        }
        List<FieldError> errors = new ArrayList<>();
        CsvReader.Row header = records.get(0);
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String raw = header.fields().get(i).strip();
            String canonical = COLUMNS.get(normalise(raw));
            if (canonical == null) {
                errors.add(new FieldError(at(header.line(), raw.isEmpty() ? "column" + (i + 1) : raw),
                        "unknownColumn", "Line " + header.line() + ": the column \"" + raw
                        + "\" is not one Casework knows."));
            } else if (index.putIfAbsent(canonical, i) != null) {
                errors.add(new FieldError(at(header.line(), raw), "duplicateColumn",
                        "Line " + header.line() + ": the column \"" + raw + "\" appears twice."));
            } else {
                written.put(canonical, raw);
            }
        }
        for (String required : List.of("code", "name")) {
            if (!index.containsKey(required)) {
                errors.add(new FieldError(at(header.line(), required), "requiredColumn",
                        "Line " + header.line() + ": the header needs a \"" + required + "\" column."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (records.size() == 1) {
            throw new ValidationException("file", "required", "The file has a header but no facilities.");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new ValidationException("file", "maxRows",
                    "A file can hold at most " + MAX_ROWS + " facilities; split it.");
        }

        List<ImportRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Row record : records.subList(1, records.size())) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            int line = record.line();
            if (record.fields().size() != header.fields().size()) {
                errors.add(new FieldError(at(line, null), "columns", "Line " + line + " has "
                        + record.fields().size() + " fields; the header has "
                        + header.fields().size() + "."));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            index.forEach((column, i) -> cells.put(column, record.fields().get(i)));
            List<FieldError> rowErrors = new ArrayList<>();
            Boolean inJurisdiction = bool("inJurisdiction", cells, rowErrors);
            Boolean active = bool("active", cells, rowErrors);
            CleanFacility facility = FacilityRules.facility(new FacilityInput(cells.get("code"),
                    cells.get("name"), cells.get("operator"), cells.get("facilityType"),
                    cells.get("address"), cells.get("areaOfResponsibility"), inJurisdiction,
                    active, null), true, rowErrors);
            List<CleanContact> contacts = new ArrayList<>();
            contact("ICE", "ice", cells, contacts, rowErrors);
            contact("CBP", "cbp", cells, contacts, rowErrors);
            if (facility.code() != null && rowErrors.stream().noneMatch(e -> e.field().equals("code"))) {
                Integer earlier = seen.putIfAbsent(facility.code(), line);
                if (earlier != null) {
                    rowErrors.add(new FieldError("code", "duplicate",
                            "the code " + facility.code() + " is already on line " + earlier + "."));
                }
            }
            for (FieldError e : rowErrors) {
                String column = written.getOrDefault(e.field(), e.field());
                String message = e.message();
                errors.add(new FieldError(at(line, column), e.rule(), "Line " + line + ", column "
                        + column + ": " + Character.toLowerCase(message.charAt(0)) + message.substring(1)));
            }
            if (rowErrors.isEmpty()) {
                rows.add(new ImportRow(line, facility, Set.copyOf(index.keySet()), List.copyOf(contacts)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rows;
    }

    private static Boolean bool(String column, Map<String, String> cells, List<FieldError> errors) {
        String value = cells.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return Boolean.TRUE;
            case "false", "no", "n", "0":
                return Boolean.FALSE;
            default:
                errors.add(new FieldError(column, "boolean", "Write yes or no (or true or false)."));
                return null;
        }
    }

    /** Adds the row's contact at one agency, when it names one; the column pair must be complete. */
    private static void contact(String agency, String prefix, Map<String, String> cells,
            List<CleanContact> contacts, List<FieldError> errors) {
        String name = cells.get(prefix + "ContactName");
        String email = cells.get(prefix + "ContactEmail");
        if ((name == null || name.isBlank()) && (email == null || email.isBlank())) {
            return;
        }
        List<FieldError> contactErrors = new ArrayList<>();
        CleanContact contact = FacilityRules.contact("", new ContactInput(agency, name, email), contactErrors);
        for (FieldError e : contactErrors) {
            String column = prefix + "Contact" + Character.toUpperCase(e.field().charAt(0)) + e.field().substring(1);
            errors.add(new FieldError(column, e.rule(), e.message()));
        }
        if (contactErrors.isEmpty()) {
            contacts.add(contact);
        }
    }
}
