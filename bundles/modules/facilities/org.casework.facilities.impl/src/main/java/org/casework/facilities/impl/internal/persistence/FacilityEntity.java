package org.casework.facilities.impl.internal.persistence;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.casework.facilities.api.FacilityRecord;
import org.casework.persistence.jpa.InstantConverter;

/** A row of {@code cw_facility}; keeps its lower-case sort and search copies in step. */
@Entity
@Table(name = "cw_facility")
public class FacilityEntity {

    /** The persistence unit's name. */
    public static final String UNIT = "casework-facilities";

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Column(name = "operator", length = 200)
    private String operator;

    @Column(name = "facility_type", length = 100)
    private String facilityType;

    @Column(name = "address", length = 500)
    private String address;

    @Column(name = "area_of_responsibility", length = 100)
    private String areaOfResponsibility;

    @Column(name = "in_jurisdiction", nullable = false)
    private boolean inJurisdiction;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "search_text", nullable = false, length = 1200)
    private String searchText;

    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FacilityEntity() {
        // for JPA
    }

    public FacilityEntity(String code) {
        this.code = code;
    }

    /** Sets every field; returns whether any differed. */
    public boolean assign(String name, String operator, String facilityType, String address,
            String areaOfResponsibility, boolean inJurisdiction, boolean active) {
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.operator, operator)
                || !Objects.equals(this.facilityType, facilityType)
                || !Objects.equals(this.address, address)
                || !Objects.equals(this.areaOfResponsibility, areaOfResponsibility)
                || this.inJurisdiction != inJurisdiction || this.active != active;
        this.name = name;
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.operator = operator;
        this.facilityType = facilityType;
        this.address = address;
        this.areaOfResponsibility = areaOfResponsibility;
        this.inJurisdiction = inJurisdiction;
        this.active = active;
        this.searchText = Stream.of(code, name, operator, facilityType, address, areaOfResponsibility)
                .filter(Objects::nonNull).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        return changed;
    }

    public void touched(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public FacilityRecord toRecord() {
        return new FacilityRecord(code, name, operator, facilityType, address, areaOfResponsibility,
                inJurisdiction, active, version, updatedAt, updatedBy);
    }

    public String getCode() {
        return code;
    }

    public long getVersion() {
        return version;
    }
}
