package org.casework.litigation.impl.internal.persistence;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of {@code lit_application}: an immigration benefit application. */
@Entity
@Table(name = "lit_application")
public class ApplicationEntity extends CaseSubRecordEntity {

    @Column(name = "application_type", length = 100)
    private String type;

    @Column(name = "received_date")
    private LocalDate receivedDate;

    @Column(name = "filed_date")
    private LocalDate filedDate;

    @Column(name = "decision", length = 16)
    private String decision;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "work_authorization")
    private boolean workAuthorizationGranted;

    @Column(name = "work_authorization_from")
    private LocalDate workAuthorizationFrom;

    @Column(name = "work_authorization_to")
    private LocalDate workAuthorizationTo;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public void setReceivedDate(LocalDate receivedDate) {
        this.receivedDate = receivedDate;
    }

    public LocalDate getFiledDate() {
        return filedDate;
    }

    public void setFiledDate(LocalDate filedDate) {
        this.filedDate = filedDate;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public boolean isWorkAuthorizationGranted() {
        return workAuthorizationGranted;
    }

    public void setWorkAuthorizationGranted(boolean workAuthorizationGranted) {
        this.workAuthorizationGranted = workAuthorizationGranted;
    }

    public LocalDate getWorkAuthorizationFrom() {
        return workAuthorizationFrom;
    }

    public void setWorkAuthorizationFrom(LocalDate workAuthorizationFrom) {
        this.workAuthorizationFrom = workAuthorizationFrom;
    }

    public LocalDate getWorkAuthorizationTo() {
        return workAuthorizationTo;
    }

    public void setWorkAuthorizationTo(LocalDate workAuthorizationTo) {
        this.workAuthorizationTo = workAuthorizationTo;
    }
}
