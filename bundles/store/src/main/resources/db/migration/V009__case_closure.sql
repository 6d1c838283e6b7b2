-- Tandem schema V009: closing cases and their retention purge (issue #8).
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.
-- closed_at/closed_by/close_reason are set when a case is closed and cleared when it is reopened. The retention
-- purge (org.tandem.store caseRetentionDays) deletes CLOSED cases whose closed_at is older than the retention.
ALTER TABLE victim_case ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE victim_case ADD COLUMN closed_by VARCHAR(100);
ALTER TABLE victim_case ADD COLUMN close_reason VARCHAR(1000);

-- the purge's query: closed cases by closing time
CREATE INDEX ix_victim_case_status_closed ON victim_case (status, closed_at);

-- tables the purge deletes by case or person that had no index on that column (PostgreSQL does not index
-- foreign keys by itself; these have no foreign key at all)
CREATE INDEX ix_notice_person ON notice (person_id);
CREATE INDEX ix_followup_task_case ON followup_task (case_id);
CREATE INDEX ix_referral_person ON referral (person_id);
