package org.casework.core.impl.internal.persistence;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * A normalised, indexed copy of one field value, so lists can filter and sort on any field of any
 * case type without a column per field. Ordinal 0 is the field's primary value (the one sorted
 * on); a person's aliases follow at 1..n.
 */
@Entity
@Table(name = "cw_case_value")
public class CaseValueEntity {

    @Id
    @SequenceGenerator(name = "cw_core_seq", sequenceName = "cw_core_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cw_core_seq")
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "field_key", nullable = false, length = 64)
    private String fieldKey;

    @Column(name = "ordinal", nullable = false)
    private int ordinal;

    @Column(name = "value_text", length = 255)
    private String valueText;

    @Column(name = "value_num", precision = 31, scale = 6)
    private BigDecimal valueNum;

    public CaseValueEntity() {
    }

    public CaseValueEntity(long caseId, String fieldKey, int ordinal, String valueText,
            BigDecimal valueNum) {
        this.caseId = caseId;
        this.fieldKey = fieldKey;
        this.ordinal = ordinal;
        this.valueText = valueText;
        this.valueNum = valueNum;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getValueText() {
        return valueText;
    }

    public BigDecimal getValueNum() {
        return valueNum;
    }
}
