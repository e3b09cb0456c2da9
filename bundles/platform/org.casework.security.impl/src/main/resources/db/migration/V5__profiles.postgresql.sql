-- Staff profiles and recorded trainings. A profile row exists once someone edited it. manager names
-- another account; it has no foreign key because Derby refuses a second delete path to cw_user with
-- another rule, and accounts are deactivated, never deleted: the service checks it. work_days holds
-- the working days as MON,TUE,...; work_start and work_end as HH:mm in time_zone.
-- valid_until is the last day a completion counts (NULL: it never expires).

CREATE TABLE cw_user_profile (
    username VARCHAR(64) NOT NULL,
    title VARCHAR(200),
    phone VARCHAR(40),
    manager VARCHAR(64),
    work_days VARCHAR(27),
    work_start CHAR(5),
    work_end CHAR(5),
    time_zone VARCHAR(64),
    version BIGINT NOT NULL,
    CONSTRAINT cw_user_profile_pk PRIMARY KEY (username),
    CONSTRAINT cw_user_profile_user_fk FOREIGN KEY (username) REFERENCES cw_user (username) ON DELETE CASCADE
);

CREATE INDEX cw_user_profile_manager_ix ON cw_user_profile (manager);

-- EclipseLink preallocates ids in blocks of 50: the sequence starts at 50 and steps by 50.
CREATE SEQUENCE cw_user_training_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE cw_user_training (
    id BIGINT NOT NULL,
    username VARCHAR(64) NOT NULL,
    course VARCHAR(64) NOT NULL,
    completed_on DATE NOT NULL,
    valid_until DATE,
    recorded_by VARCHAR(64) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    note VARCHAR(1000),
    CONSTRAINT cw_user_training_pk PRIMARY KEY (id),
    CONSTRAINT cw_user_training_user_fk FOREIGN KEY (username) REFERENCES cw_user (username) ON DELETE CASCADE
);

CREATE INDEX cw_user_training_user_ix ON cw_user_training (username, course);
