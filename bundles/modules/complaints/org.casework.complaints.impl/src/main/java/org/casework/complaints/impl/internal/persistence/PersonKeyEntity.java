package org.casework.complaints.impl.internal.persistence;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * A row of {@code cmp_person_key}: one blocking key of a complaint's detainee, with the detainee's
 * date of birth (so the candidate query filters in the index) and the key scheme's version.
 */
@Entity
@Table(name = "cmp_person_key")
class PersonKeyEntity {

    @Id
    @SequenceGenerator(name = "cmp_person_key_seq", sequenceName = "cmp_person_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cmp_person_key_seq")
    Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "blocking_key", nullable = false, length = 255)
    String blockingKey;

    @Column(name = "date_of_birth")
    LocalDate dateOfBirth;

    @Column(name = "key_version", nullable = false)
    int keyVersion;
}
