-- The calendar's and the workload's indexes also hold the columns their lists filter on after the
-- range (the case's open flag and type for need-to-know, the attorney or office, the completed
-- flag): a page, its bounded total and the workload counts read the index alone, without a row
-- lookup per entry. At 200,000 cases an office has about 250,000 upcoming hearings; its total
-- stops at 10,001 entries, which the index holds in a few dozen pages.
DROP INDEX lit_hearing_div_ix;

CREATE INDEX lit_hearing_div_ix ON lit_hearing (division, hearing_date, hearing_time, id, case_open, case_type,
    assignee);

DROP INDEX lit_hearing_asg_ix;

CREATE INDEX lit_hearing_asg_ix ON lit_hearing (assignee, hearing_date, hearing_time, id, case_open, case_type,
    division);

DROP INDEX lit_due_date_div_ix;

CREATE INDEX lit_due_date_div_ix ON lit_due_date (division, due_date, id, case_open, case_type, completed, assignee);

DROP INDEX lit_due_date_asg_ix;

CREATE INDEX lit_due_date_asg_ix ON lit_due_date (assignee, due_date, id, case_open, case_type, division, completed);
