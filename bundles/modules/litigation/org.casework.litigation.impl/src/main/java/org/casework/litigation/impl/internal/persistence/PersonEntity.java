package org.casework.litigation.impl.internal.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of {@code lit_person}: a person in a case; aliases one per line. */
@Entity
@Table(name = "lit_person")
public class PersonEntity extends CaseSubRecordEntity {

    @Column(name = "person_role", length = 32)
    private String role;

    @Column(name = "full_name", length = 200)
    private String fullName;

    @Column(name = "aliases", length = 8000)
    private String aliases;

    @Column(name = "organisation", length = 200)
    private String organisation;

    @Column(name = "business_address", length = 500)
    private String businessAddress;

    @Column(name = "business_phone", length = 30)
    private String businessPhone;

    @Column(name = "business_email", length = 254)
    private String businessEmail;

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getAliases() {
        return aliases;
    }

    public void setAliases(String aliases) {
        this.aliases = aliases;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getBusinessAddress() {
        return businessAddress;
    }

    public void setBusinessAddress(String businessAddress) {
        this.businessAddress = businessAddress;
    }

    public String getBusinessPhone() {
        return businessPhone;
    }

    public void setBusinessPhone(String businessPhone) {
        this.businessPhone = businessPhone;
    }

    public String getBusinessEmail() {
        return businessEmail;
    }

    public void setBusinessEmail(String businessEmail) {
        this.businessEmail = businessEmail;
    }
}
