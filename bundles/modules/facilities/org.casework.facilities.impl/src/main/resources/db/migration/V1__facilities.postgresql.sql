-- The facility reference list and the points of contact at ICE and CBP facilities. Facilities are
-- deactivated, never deleted: other modules keep their codes. code is stored upper-case; name_key
-- and search_text hold lower-case copies so lists sort and search without functions on columns.

CREATE TABLE cw_facility (
    code VARCHAR(32) NOT NULL,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    operator VARCHAR(200),
    facility_type VARCHAR(100),
    address VARCHAR(500),
    area_of_responsibility VARCHAR(100),
    in_jurisdiction BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    search_text VARCHAR(1200) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT cw_facility_pk PRIMARY KEY (code)
);

CREATE INDEX cw_facility_name_ix ON cw_facility (name_key);

-- EclipseLink preallocates ids in blocks of 50: the sequence starts at 50 and steps by 50.
CREATE SEQUENCE cw_facility_contact_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE cw_facility_contact (
    id BIGINT NOT NULL,
    facility_code VARCHAR(32) NOT NULL,
    agency VARCHAR(3) NOT NULL,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    CONSTRAINT cw_facility_contact_pk PRIMARY KEY (id),
    CONSTRAINT cw_facility_contact_facility_fk FOREIGN KEY (facility_code) REFERENCES cw_facility (code),
    CONSTRAINT cw_facility_contact_agency_ck CHECK (agency IN ('ICE', 'CBP'))
);

CREATE INDEX cw_facility_contact_facility_ix ON cw_facility_contact (facility_code);
