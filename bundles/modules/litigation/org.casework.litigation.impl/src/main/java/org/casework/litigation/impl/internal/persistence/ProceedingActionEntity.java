package org.casework.litigation.impl.internal.persistence;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of {@code lit_proceeding_action}: an action and its disposition at one level. */
@Entity
@Table(name = "lit_proceeding_action")
public class ProceedingActionEntity extends CaseSubRecordEntity {

    @Column(name = "proceeding_level", length = 20)
    private String level;

    @Column(name = "action_date")
    private LocalDate date;

    @Column(name = "action_text", length = 500)
    private String action;

    @Column(name = "disposition", length = 500)
    private String disposition;

    @Column(name = "decision_maker", length = 200)
    private String decisionMaker;

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getDisposition() {
        return disposition;
    }

    public void setDisposition(String disposition) {
        this.disposition = disposition;
    }

    public String getDecisionMaker() {
        return decisionMaker;
    }

    public void setDecisionMaker(String decisionMaker) {
        this.decisionMaker = decisionMaker;
    }
}
