package org.casework.complaints.impl.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casework.core.api.ANumber;
import org.casework.core.api.FieldError;
import org.casework.core.api.spi.CaseType;
import org.casework.core.api.spi.CaseTypeDefinition;
import org.casework.core.api.spi.FieldDefinition;
import org.casework.core.api.spi.ModuleDescriptor;
import org.casework.core.api.spi.TransitionDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The complaint case type: every field of the Ombudsman's complaint form, its workflow from
 * receipt through triage and resolution, and the rules across fields. Who may create, read and
 * change complaints comes from the access policy (resource {@code case.complaint}), never from
 * the type, so intake staff see only the complaints they entered.
 */
@Component(service = {CaseType.class, ModuleDescriptor.class},
        property = CaseType.PROPERTY + "=" + ComplaintType.KEY)
public class ComplaintType implements CaseType, ModuleDescriptor {

    public static final String KEY = "complaint";

    /** Channels a complaint arrives by. */
    public static final List<String> CHANNELS = List.of("IN_PERSON", "MAIL", "EMAIL", "FAX", "TELEPHONE", "WEB_PORTAL");

    /** The fields that identify the submitter: an anonymous complaint keeps none of them. */
    public static final List<String> SUBMITTER_IDENTITY = List.of("submitter", "submitterRelationship",
            "submitterOrganization", "submitterAddress", "submitterEmail", "submitterPhone", "submitterFax");

    /** Roles that triage and resolve complaints (administrators always may). */
    static final Set<String> CASEWORKERS = Set.of("case-manager", "analyst");

    /** One stay per line: {@code FACILITY-CODE: 2025-01-03 to 2025-02-10}, the end left off while it lasts. */
    private static final Pattern STAY = Pattern.compile(
            "\\s*([A-Za-z0-9][A-Za-z0-9-]{0,39})\\s*:\\s*(\\d{4}-\\d{2}-\\d{2})\\s*(?:to\\s*(\\d{4}-\\d{2}-\\d{2}))?\\s*");
    private static final Pattern A_NUMBER_DIGITS = Pattern.compile("[0-9]{8,9}");

    static final CaseTypeDefinition DEFINITION = CaseTypeDefinition.builder(KEY)
            .label("Complaint", "Complaints")
            .numberPrefix("CMP")
            .titleField("detainee")
            // submitter
            .field(FieldDefinition.person("submitter", "Submitter (full legal name and aliases)"))
            .field(FieldDefinition.enumeration("submitterRelationship", "Submitter is",
                    "DETAINEE", "FAMILY_MEMBER", "ATTORNEY", "ACCREDITED_REPRESENTATIVE", "OTHER"))
            .field(FieldDefinition.text("submitterOrganization", "Law firm or organization")
                    .help("For an attorney or accredited representative").maxLength(200))
            .field(FieldDefinition.address("submitterAddress", "Submitter's mailing address"))
            .field(FieldDefinition.email("submitterEmail", "Submitter's e-mail"))
            .field(FieldDefinition.phone("submitterPhone", "Submitter's telephone"))
            .field(FieldDefinition.phone("submitterFax", "Submitter's fax"))
            // detainee
            .field(FieldDefinition.person("detainee", "Detainee (full legal name, aliases, date of birth)").listed())
            .field(FieldDefinition.aNumber("aNumber", "A-Number").listed()
                    .help("8 or 9 digits, with or without the leading A and dashes"))
            .field(FieldDefinition.text("detaineeContact", "How to reach the detainee").maxLength(200))
            .field(FieldDefinition.enumeration("detaineeSex", "Sex", "FEMALE", "MALE", "OTHER", "NOT_STATED"))
            .field(FieldDefinition.enumeration("detaineeTransgender", "Transgender", "YES", "NO", "NOT_STATED"))
            .field(FieldDefinition.text("countryOfBirth", "Country of birth").maxLength(100))
            .field(FieldDefinition.text("citizenships", "Countries of citizenship")
                    .help("Separate several countries with commas").maxLength(300))
            .field(FieldDefinition.text("facility", "Current facility code").maxLength(40).searchable())
            .field(FieldDefinition.longText("detentionHistory", "Detention history").maxLength(4000)
                    .help("One stay per line: FACILITY-CODE: 2025-01-03 to 2025-02-10 (leave out \"to ...\" while it lasts)"))
            // the complaint
            .field(FieldDefinition.date("incidentDate", "Date of the incident").notInFuture())
            .field(FieldDefinition.longText("description", "What happened").required().searchable())
            .field(FieldDefinition.text("categories", "Categories")
                    .help("Category keys separated by commas, from GET /api/v1/complaint-categories").maxLength(500))
            .field(FieldDefinition.enumeration("inquirySubject", "The complaint concerns",
                    "ADULT", "FAMILY_UNIT", "MINOR_CHILD"))
            .field(FieldDefinition.longText("familyMembers", "Other family members").maxLength(2000)
                    .help("One name per line"))
            .field(FieldDefinition.longText("priorActions", "Actions already taken").maxLength(4000))
            .field(FieldDefinition.bool("consentToInvestigate", "Consent to investigate and share as needed"))
            .field(FieldDefinition.bool("representativeConsent",
                    "Consent to disclosure to a designated representative"))
            .field(FieldDefinition.bool("verificationSigned", "Verification statement signed"))
            .field(FieldDefinition.text("verificationSignedBy", "Verification signed by").maxLength(200))
            .field(FieldDefinition.date("verificationDate", "Verification dated").notInFuture())
            .field(FieldDefinition.enumeration("channel", "Received by", CHANNELS.toArray(String[]::new))
                    .required().listed())
            .field(FieldDefinition.date("receivedOn", "Received on").notInFuture())
            .field(FieldDefinition.bool("anonymous", "Anonymous"))
            .field(FieldDefinition.bool("emergency", "Emergency").listed())
            .field(FieldDefinition.enumeration("language", "Language for letters", "EN", "ES"))
            .field(FieldDefinition.enumeration("resolutionOutcome", "Resolution outcome",
                    "SUBSTANTIATED", "UNSUBSTANTIATED", "RESOLVED_INFORMALLY", "WITHDRAWN", "NO_ACTION_POSSIBLE")
                    .editableBy("case-manager", "analyst"))
            .state("RECEIVED", "Received")
            .state("TRIAGE", "In triage")
            .state("ACCEPTED", "Accepted")
            .closedState("REFERRED", "Referred")
            .closedState("DECLINED", "Declined")
            .state("IN_RESOLUTION", "In resolution")
            .closedState("RESOLVED", "Resolved")
            .transition("start-triage", "Start triage", "TRIAGE", "RECEIVED")
            .transition(new TransitionDefinition("accept", "Accept", Set.of("RECEIVED", "TRIAGE"), "ACCEPTED",
                    CASEWORKERS, false))
            .transition(new TransitionDefinition("refer", "Refer", Set.of("RECEIVED", "TRIAGE"), "REFERRED",
                    CASEWORKERS, true))
            .transition(new TransitionDefinition("decline", "Decline", Set.of("RECEIVED", "TRIAGE"), "DECLINED",
                    CASEWORKERS, true))
            .transition(new TransitionDefinition("start-resolution", "Start resolution", Set.of("ACCEPTED"),
                    "IN_RESOLUTION", CASEWORKERS, false))
            .transition(new TransitionDefinition("resolve", "Resolve", Set.of("ACCEPTED", "IN_RESOLUTION"),
                    "RESOLVED", CASEWORKERS, true))
            .transition(new TransitionDefinition("reopen", "Reopen", Set.of("RESOLVED", "REFERRED", "DECLINED"),
                    "TRIAGE", CASEWORKERS, true))
            .build();

    private final CategoryCatalog categories;

    /** Roles that triage and resolve complaints (administrators always may). */
    public static Set<String> caseworkers() {
        return CASEWORKERS;
    }

    @Activate
    public ComplaintType(@Reference CategoryCatalog categories) {
        this.categories = categories;
    }

    @Override
    public CaseTypeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void validate(Map<String, Object> values, List<FieldError> errors) {
        if (Boolean.TRUE.equals(values.get("anonymous"))) {
            for (String f : SUBMITTER_IDENTITY) {
                if (values.get(f) != null) {
                    errors.add(new FieldError("fields." + f, "anonymous",
                            "An anonymous complaint keeps nothing that identifies the submitter: leave this empty."));
                }
            }
        }
        if (values.get("categories") instanceof String s) {
            for (String key : categoryKeys(s)) {
                if (!categories.known(key)) {
                    errors.add(new FieldError("fields.categories", "category",
                            "\"" + key + "\" is not a complaint category."));
                }
            }
        }
        if (values.get("detentionHistory") instanceof String s) {
            validateHistory(s, errors);
        }
        if (values.get("familyMembers") != null && "ADULT".equals(values.get("inquirySubject"))) {
            errors.add(new FieldError("fields.familyMembers", "inquirySubject",
                    "Family members belong to a complaint about a family unit or a minor child."));
        }
    }

    /** The category keys of the field's value, trimmed, without duplicates. */
    public static Set<String> categoryKeys(String value) {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                keys.add(part.strip());
            }
        }
        return keys;
    }

    /**
     * The stricter A-Number rule of complaint intake: 8 or 9 digits, with or without the leading A,
     * dashes and spaces (the engine also takes the 7-digit numbers of other record types).
     *
     * @return an error naming {@code fields.aNumber}, or null when the value is absent or fine
     */
    public static FieldError checkANumber(Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        String s = String.valueOf(raw).strip().replaceAll("[\\s-]", "");
        if (s.startsWith("A") || s.startsWith("a")) {
            s = s.substring(1);
        }
        if (!A_NUMBER_DIGITS.matcher(s).matches() || ANumber.normalize(s).isEmpty()) {
            return new FieldError("fields.aNumber", "aNumber",
                    "An A-Number has 8 or 9 digits, written with or without the leading A and dashes.");
        }
        return null;
    }

    /** The stays of a detention history, each {facility, from, to-or-null}; assumes it validated. */
    public static List<String[]> stays(String history) {
        List<String[]> out = new ArrayList<>();
        for (String line : history.split("\\R")) {
            Matcher m = STAY.matcher(line);
            if (!line.isBlank() && m.matches()) {
                out.add(new String[] {m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2), m.group(3)});
            }
        }
        return out;
    }

    private static void validateHistory(String history, List<FieldError> errors) {
        String[] lines = history.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = STAY.matcher(lines[i]);
            String problem = null;
            if (!m.matches()) {
                problem = "Write each stay as FACILITY-CODE: yyyy-mm-dd to yyyy-mm-dd.";
            } else {
                try {
                    LocalDate from = LocalDate.parse(m.group(2));
                    LocalDate to = m.group(3) == null ? null : LocalDate.parse(m.group(3));
                    if (from.isAfter(LocalDate.now()) || to != null && to.isAfter(LocalDate.now())) {
                        problem = "A stay cannot lie in the future.";
                    } else if (to != null && to.isBefore(from)) {
                        problem = "A stay cannot end before it began.";
                    }
                } catch (DateTimeParseException e) {
                    problem = "Use real dates, written yyyy-mm-dd.";
                }
            }
            if (problem != null) {
                errors.add(new FieldError("fields.detentionHistory", "stay", "Line " + (i + 1) + ": " + problem));
            }
        }
    }

    @Override
    public String key() {
        return "complaints";
    }

    @Override
    public String name() {
        return "Complaints";
    }
}
