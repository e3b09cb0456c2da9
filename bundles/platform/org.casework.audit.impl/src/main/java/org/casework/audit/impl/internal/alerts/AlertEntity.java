package org.casework.audit.impl.internal.alerts;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.casework.persistence.jpa.InstantConverter;

/** One stored misuse alert; changes once, when acknowledged. */
@Entity
@Table(name = "cw_alert")
public class AlertEntity {

    static final String OPEN = "open";
    static final String ACKNOWLEDGED = "acknowledged";

    @Id
    @SequenceGenerator(name = "cw_alert_seq", sequenceName = "cw_alert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_alert_seq")
    private Long id;

    @Column(name = "rule_key", nullable = false, length = 40)
    private String rule;

    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Convert(converter = InstantConverter.class)
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "summary", nullable = false, length = 400)
    private String summary;

    @Column(name = "detail", length = 4000)
    private String detail;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "ack_comment", length = 2000)
    private String comment;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public AlertEntity() {
    }

    AlertEntity(Alert a) {
        this.rule = a.rule().key();
        this.username = cut(a.username(), 64);
        this.sourceAddress = cut(a.sourceAddress(), 64);
        this.raisedAt = a.raisedAt();
        this.summary = cut(a.summary(), 400);
        this.detail = cut(a.detail(), 4000);
        this.status = OPEN;
    }

    void acknowledge(String by, Instant at, String comment) {
        this.status = ACKNOWLEDGED;
        this.acknowledgedBy = cut(by, 64);
        this.acknowledgedAt = at;
        this.comment = comment;
    }

    AlertView view() {
        return new AlertView(id, rule, username, sourceAddress, raisedAt, summary, detail, status, acknowledgedBy,
                acknowledgedAt, comment, version);
    }

    Long getId() { return id; }
    String getStatus() { return status; }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
