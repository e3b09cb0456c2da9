package org.casework.litigation.impl.internal.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A row of {@code lit_phase_note}: a note filed under a phase of the proceedings. */
@Entity
@Table(name = "lit_phase_note")
public class PhaseNoteEntity extends CaseSubRecordEntity {

    @Column(name = "phase", length = 16)
    private String phase;

    @Column(name = "body", length = 10000)
    private String body;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
