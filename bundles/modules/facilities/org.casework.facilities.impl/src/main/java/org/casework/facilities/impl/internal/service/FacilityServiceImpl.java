package org.casework.facilities.impl.internal.service;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.AuditService;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.ConflictException;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Page;
import org.casework.core.api.ValidationException;
import org.casework.core.api.access.Permission;
import org.casework.facilities.api.ContactInput;
import org.casework.facilities.api.Facility;
import org.casework.facilities.api.FacilityDirectory;
import org.casework.facilities.api.FacilityInput;
import org.casework.facilities.api.FacilityQuery;
import org.casework.facilities.api.FacilityRecord;
import org.casework.facilities.api.FacilityService;
import org.casework.facilities.api.ImportResult;
import org.casework.facilities.api.PointOfContact;
import org.casework.facilities.impl.internal.csv.FacilityCsv;
import org.casework.facilities.impl.internal.csv.FacilityCsv.ImportRow;
import org.casework.facilities.impl.internal.persistence.ContactEntity;
import org.casework.facilities.impl.internal.persistence.FacilityEntity;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanContact;
import org.casework.facilities.impl.internal.service.FacilityRules.CleanFacility;
import org.casework.persistence.api.MigratedSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * The facility list in this bundle's tables: the directory other modules read and the service
 * administrators edit it through. Each change and its audit entry share one transaction, so a
 * change is never stored unaudited and a refused one leaves nothing behind. Starts once the
 * bundle's migrations have run.
 */
@Component(service = {FacilityService.class, FacilityDirectory.class})
public final class FacilityServiceImpl implements FacilityService, FacilityDirectory {

    /** The audit record type of facilities (contacts are audited on their facility). */
    public static final String RECORD_TYPE = "facility";
    private static final String RESOURCE = "facilities";
    private static final int DEFAULT_SIZE = 20;

    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("code", "code",
            "name", "nameKey", "operator", "operator", "facilityType", "facilityType",
            "areaOfResponsibility", "areaOfResponsibility", "inJurisdiction", "inJurisdiction",
            "active", "active", "updatedAt", "updatedAt");

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final Clock clock;

    @Activate
    public FacilityServiceImpl(
            @Reference(target = "(osgi.unit.name=" + FacilityEntity.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.facilities.impl)")
            MigratedSchema schema,
            @Reference AuditService audit) {
        this(jpa, audit, Clock.systemUTC());
    }

    FacilityServiceImpl(JpaTemplate jpa, AuditService audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    private <R> R tx(EmFunction<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
    }

    // ---- the directory other modules read

    @Override
    public Optional<Facility> find(String code) {
        String key = FacilityRules.normaliseCode(code);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(FacilityEntity.class, key))
                .map(e -> e.toRecord().facility()));
    }

    @Override
    public List<PointOfContact> contacts(String facilityCode) {
        String key = FacilityRules.normaliseCode(facilityCode);
        if (key == null || key.isEmpty()) {
            return List.of();
        }
        return tx(em -> contactsOf(em, key).stream().map(ContactEntity::toRecord).toList());
    }

    private static List<ContactEntity> contactsOf(EntityManager em, String code) {
        return em.createQuery("SELECT c FROM ContactEntity c WHERE c.facilityCode = :code "
                + "ORDER BY c.agency, c.name, c.id", ContactEntity.class)
                .setParameter("code", code).getResultList();
    }

    // ---- who may do what

    private void require(Caller caller, String action) {
        if (caller == null) {
            throw new ForbiddenException("Sign in to use the facility list.");
        }
        // whoever may change the list may read it: the product owner holds only facilities:update
        boolean held = Permission.held(caller, RESOURCE, action)
                || (action.equals("read") && Permission.held(caller, RESOURCE, "update"));
        if (!held) {
            audit.record(caller, new AuditEvent("denied", RECORD_TYPE, null, AuditEvent.DENIED,
                    null, List.of(), RESOURCE + ":" + action + " not held"));
            throw new ForbiddenException("You do not have the permission needed for this.");
        }
    }

    // ---- reading

    @Override
    public Page<FacilityRecord> list(Caller caller, FacilityQuery query) {
        require(caller, "read");
        List<FieldError> errors = new ArrayList<>();
        int size = query.size() == 0 ? DEFAULT_SIZE : query.size();
        if (size < 1 || size > FacilityQuery.MAX_SIZE) {
            errors.add(new FieldError("size", "range", "The page size must be 1 to "
                    + FacilityQuery.MAX_SIZE + "."));
        }
        if (query.page() < 0) {
            errors.add(new FieldError("page", "range", "The page number cannot be negative."));
        }
        String sort = query.sort() == null || query.sort().isBlank() ? "name" : query.sort();
        if (!SORT_ATTRIBUTES.containsKey(sort)) {
            errors.add(new FieldError("sort", "oneOf", "Sort by one of " + FacilityQuery.SORT_KEYS + "."));
        }
        String text = query.text() == null ? "" : query.text().strip();
        if (text.length() > 200) {
            errors.add(new FieldError("q", "maxLength", "Search for at most 200 characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        String[] words = text.isEmpty() ? new String[0] : text.toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            where.append(" AND f.searchText LIKE :w").append(i).append(" ESCAPE '\\'");
            params.put("w" + i, "%" + words[i].replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        // TRUE/FALSE literals: EclipseLink prints them as each database compares its flag column
        if (query.active() != null) {
            where.append(query.active() ? " AND f.active = TRUE" : " AND f.active = FALSE");
        }
        if (query.inJurisdiction() != null) {
            where.append(query.inJurisdiction() ? " AND f.inJurisdiction = TRUE" : " AND f.inJurisdiction = FALSE");
        }
        String order = " ORDER BY f." + SORT_ATTRIBUTES.get(sort) + (query.descending() ? " DESC" : " ASC")
                + (sort.equals("code") ? "" : ", f.code ASC");
        return tx(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(f) FROM FacilityEntity f" + where, Long.class);
            TypedQuery<FacilityEntity> select = em.createQuery("SELECT f FROM FacilityEntity f" + where + order,
                    FacilityEntity.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                select.setParameter(k, v);
            });
            long total = count.getSingleResult();
            List<FacilityRecord> items = select.setFirstResult(query.page() * size).setMaxResults(size)
                    .getResultList().stream().map(FacilityEntity::toRecord).toList();
            return new Page<>(items, total, query.page(), size);
        });
    }

    @Override
    public Optional<FacilityRecord> get(Caller caller, String code) {
        require(caller, "read");
        String key = FacilityRules.normaliseCode(code);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(FacilityEntity.class, key)).map(FacilityEntity::toRecord));
    }

    @Override
    public List<PointOfContact> contacts(Caller caller, String code) {
        require(caller, "read");
        String key = FacilityRules.normaliseCode(code);
        return tx(em -> {
            existing(em, key);
            return contactsOf(em, key).stream().map(ContactEntity::toRecord).toList();
        });
    }

    private static FacilityEntity existing(EntityManager em, String code) {
        FacilityEntity entity = code == null ? null : em.find(FacilityEntity.class, code);
        if (entity == null) {
            throw new NotFoundException("The facility");
        }
        return entity;
    }

    // ---- changing

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public FacilityRecord create(Caller caller, FacilityInput input) {
        require(caller, "update");
        if (input == null) {
            throw new ValidationException(null, "required", "Send the facility.");
        }
        List<FieldError> errors = new ArrayList<>();
        CleanFacility clean = FacilityRules.facility(input, true, errors);
        check(errors);
        return tx(em -> {
            if (em.find(FacilityEntity.class, clean.code()) != null) {
                throw new ValidationException("code", "unique",
                        "A facility with the code " + clean.code() + " already exists.");
            }
            FacilityEntity entity = new FacilityEntity(clean.code());
            entity.assign(clean.name(), clean.operator(), clean.facilityType(), clean.address(),
                    clean.areaOfResponsibility(), orTrue(clean.inJurisdiction()), orTrue(clean.active()));
            entity.touched(caller.username(), now());
            em.persist(entity);
            em.flush();
            FacilityRecord created = entity.toRecord();
            record(caller, "create", created.code(), changes(null, created), null);
            return created;
        });
    }

    @Override
    public FacilityRecord update(Caller caller, String code, FacilityInput input) {
        require(caller, "update");
        if (input == null) {
            throw new ValidationException(null, "required", "Send the facility.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.version() == null) {
            errors.add(new FieldError("version", "required", "Send the version you read."));
        }
        CleanFacility clean = FacilityRules.facility(input, false, errors);
        if (input.code() != null && !input.code().isBlank()
                && !Objects.equals(FacilityRules.normaliseCode(input.code()), FacilityRules.normaliseCode(code))) {
            errors.add(new FieldError("code", "immutable", "A facility's code cannot be changed."));
        }
        check(errors);
        String key = FacilityRules.normaliseCode(code);
        return tx(em -> {
            FacilityEntity entity = existing(em, key);
            if (entity.getVersion() != input.version()) {
                throw new ConflictException(input.version(), entity.getVersion());
            }
            FacilityRecord before = entity.toRecord();
            boolean changed = entity.assign(clean.name(), clean.operator(), clean.facilityType(),
                    clean.address(), clean.areaOfResponsibility(),
                    clean.inJurisdiction() == null ? before.inJurisdiction() : clean.inJurisdiction(),
                    clean.active() == null ? before.active() : clean.active());
            if (!changed) {
                return before;
            }
            entity.touched(caller.username(), now());
            em.flush();
            FacilityRecord after = entity.toRecord();
            record(caller, "update", key, changes(before, after), null);
            return after;
        });
    }

    @Override
    public FacilityRecord deactivate(Caller caller, String code, long version) {
        require(caller, "update");
        String key = FacilityRules.normaliseCode(code);
        return tx(em -> {
            FacilityEntity entity = existing(em, key);
            if (entity.getVersion() != version) {
                throw new ConflictException(version, entity.getVersion());
            }
            FacilityRecord before = entity.toRecord();
            if (!before.active()) {
                return before;
            }
            entity.assign(before.name(), before.operator(), before.facilityType(), before.address(),
                    before.areaOfResponsibility(), before.inJurisdiction(), false);
            entity.touched(caller.username(), now());
            em.flush();
            FacilityRecord after = entity.toRecord();
            record(caller, "deactivate", key, changes(before, after), null);
            return after;
        });
    }

    // ---- points of contact

    @Override
    public PointOfContact addContact(Caller caller, String code, ContactInput input) {
        require(caller, "update");
        CleanContact clean = contactInput(input);
        String key = FacilityRules.normaliseCode(code);
        return tx(em -> {
            existing(em, key);
            ContactEntity contact = new ContactEntity(key, clean.agency(), clean.name(), clean.email());
            em.persist(contact);
            em.flush();
            PointOfContact added = contact.toRecord();
            record(caller, "contact-create", key, contactChanges(null, added), "contact " + added.id());
            return added;
        });
    }

    @Override
    public PointOfContact updateContact(Caller caller, String code, long contactId, ContactInput input) {
        require(caller, "update");
        CleanContact clean = contactInput(input);
        String key = FacilityRules.normaliseCode(code);
        return tx(em -> {
            ContactEntity contact = contactOf(em, key, contactId);
            PointOfContact before = contact.toRecord();
            contact.assign(clean.agency(), clean.name(), clean.email());
            em.flush();
            PointOfContact after = contact.toRecord();
            List<FieldChange> changes = contactChanges(before, after);
            if (!changes.isEmpty()) {
                record(caller, "contact-update", key, changes, "contact " + contactId);
            }
            return after;
        });
    }

    @Override
    public void removeContact(Caller caller, String code, long contactId) {
        require(caller, "update");
        String key = FacilityRules.normaliseCode(code);
        tx(em -> {
            ContactEntity contact = contactOf(em, key, contactId);
            PointOfContact before = contact.toRecord();
            em.remove(contact);
            em.flush();
            record(caller, "contact-delete", key, contactChanges(before, null), "contact " + contactId);
            return null;
        });
    }

    private static CleanContact contactInput(ContactInput input) {
        if (input == null) {
            throw new ValidationException(null, "required", "Send the point of contact.");
        }
        List<FieldError> errors = new ArrayList<>();
        CleanContact clean = FacilityRules.contact("", input, errors);
        check(errors);
        return clean;
    }

    private static ContactEntity contactOf(EntityManager em, String code, long id) {
        existing(em, code);
        ContactEntity contact = em.find(ContactEntity.class, id);
        if (contact == null || !contact.getFacilityCode().equals(code)) {
            throw new NotFoundException("The point of contact");
        }
        return contact;
    }

    // ---- CSV import

    @Override
    public ImportResult importCsv(Caller caller, Reader csv) {
        require(caller, "update");
        List<ImportRow> rows = FacilityCsv.read(csv);
        Instant now = now();
        return tx(em -> {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int contactsAdded = 0;
            int contactsUpdated = 0;
            for (ImportRow row : rows) {
                CleanFacility f = row.facility();
                FacilityEntity entity = em.find(FacilityEntity.class, f.code());
                if (entity == null) {
                    entity = new FacilityEntity(f.code());
                    entity.assign(f.name(), f.operator(), f.facilityType(), f.address(),
                            f.areaOfResponsibility(), orTrue(f.inJurisdiction()), orTrue(f.active()));
                    entity.touched(caller.username(), now);
                    em.persist(entity);
                    em.flush();
                    record(caller, "create", f.code(), changes(null, entity.toRecord()), "CSV import");
                    created++;
                } else {
                    FacilityRecord before = entity.toRecord();
                    boolean changed = entity.assign(f.name(),
                            pick(row, "operator", f.operator(), before.operator()),
                            pick(row, "facilityType", f.facilityType(), before.facilityType()),
                            pick(row, "address", f.address(), before.address()),
                            pick(row, "areaOfResponsibility", f.areaOfResponsibility(),
                                    before.areaOfResponsibility()),
                            f.inJurisdiction() == null ? before.inJurisdiction() : f.inJurisdiction(),
                            f.active() == null ? before.active() : f.active());
                    if (changed) {
                        entity.touched(caller.username(), now);
                        em.flush();
                        record(caller, "update", f.code(), changes(before, entity.toRecord()), "CSV import");
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                List<ContactEntity> known = new ArrayList<>(contactsOf(em, f.code()));
                for (CleanContact c : row.contacts()) {
                    ContactEntity match = known.stream().filter(k -> k.getAgency().equals(c.agency())
                            && k.getEmail().equalsIgnoreCase(c.email())).findFirst().orElse(null);
                    if (match == null) {
                        ContactEntity added = new ContactEntity(f.code(), c.agency(), c.name(), c.email());
                        em.persist(added);
                        em.flush();
                        known.add(added);
                        record(caller, "contact-create", f.code(), contactChanges(null, added.toRecord()),
                                "contact " + added.getId() + ", CSV import");
                        contactsAdded++;
                    } else if (!match.getName().equals(c.name())) {
                        PointOfContact before = match.toRecord();
                        match.assign(c.agency(), c.name(), match.getEmail());
                        em.flush();
                        record(caller, "contact-update", f.code(), contactChanges(before, match.toRecord()),
                                "contact " + match.getId() + ", CSV import");
                        contactsUpdated++;
                    }
                }
            }
            ImportResult result = new ImportResult(rows.size(), created, updated, unchanged,
                    contactsAdded, contactsUpdated);
            record(caller, "import", null, List.of(), "rows " + result.rows() + ", created " + created
                    + ", updated " + updated + ", unchanged " + unchanged + ", contacts added "
                    + contactsAdded + ", contacts updated " + contactsUpdated);
            return result;
        });
    }

    /** The file's value where it has the column, else the stored one. */
    private static String pick(ImportRow row, String column, String fromFile, String stored) {
        return row.columns().contains(column) ? fromFile : stored;
    }

    // ---- helpers

    private Instant now() {
        return clock.instant();
    }

    private static boolean orTrue(Boolean value) {
        return value == null || value;
    }

    private void record(Caller caller, String action, String code, List<FieldChange> changes, String detail) {
        audit.record(caller, new AuditEvent(action, RECORD_TYPE, code, AuditEvent.SUCCESS, null, changes, detail));
    }

    static List<FieldChange> changes(FacilityRecord before, FacilityRecord after) {
        List<FieldChange> changes = new ArrayList<>();
        if (before == null) {
            changes.add(new FieldChange("code", null, after.code()));
        }
        change(changes, "name", before == null ? null : before.name(), after.name());
        change(changes, "operator", before == null ? null : before.operator(), after.operator());
        change(changes, "facilityType", before == null ? null : before.facilityType(), after.facilityType());
        change(changes, "address", before == null ? null : before.address(), after.address());
        change(changes, "areaOfResponsibility", before == null ? null : before.areaOfResponsibility(),
                after.areaOfResponsibility());
        change(changes, "inJurisdiction", before == null ? null : String.valueOf(before.inJurisdiction()),
                String.valueOf(after.inJurisdiction()));
        change(changes, "active", before == null ? null : String.valueOf(before.active()),
                String.valueOf(after.active()));
        return changes;
    }

    static List<FieldChange> contactChanges(PointOfContact before, PointOfContact after) {
        long id = before != null ? before.id() : after.id();
        String prefix = "contacts." + id + ".";
        List<FieldChange> changes = new ArrayList<>();
        change(changes, prefix + "agency", before == null ? null : before.agency(), after == null ? null : after.agency());
        change(changes, prefix + "name", before == null ? null : before.name(), after == null ? null : after.name());
        change(changes, prefix + "email", before == null ? null : before.email(), after == null ? null : after.email());
        return changes;
    }

    private static void change(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
