package org.casework.facilities.impl.internal.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.casework.facilities.api.PointOfContact;

/** A row of {@code cw_facility_contact}: one person to contact about a facility. */
@Entity
@Table(name = "cw_facility_contact")
public class ContactEntity {

    @Id
    @SequenceGenerator(name = "cw_facility_contact_seq", sequenceName = "cw_facility_contact_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_facility_contact_seq")
    private Long id;

    @Column(name = "facility_code", nullable = false, length = 32)
    private String facilityCode;

    @Column(name = "agency", nullable = false, length = 3)
    private String agency;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    protected ContactEntity() {
        // for JPA
    }

    public ContactEntity(String facilityCode, String agency, String name, String email) {
        this.facilityCode = facilityCode;
        assign(agency, name, email);
    }

    public final void assign(String agency, String name, String email) {
        this.agency = agency;
        this.name = name;
        this.email = email;
    }

    public PointOfContact toRecord() {
        return new PointOfContact(id, facilityCode, agency, name, email);
    }

    public Long getId() {
        return id;
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public String getAgency() {
        return agency;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }
}
