-- Tandem schema V004: integration adapters (RMS intake, state custody/court feeds, compensation claims).
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001 for the rules.

-- Idempotent consumers: one row per processed (or in-progress) message key of a processor, e.g.
-- processor 'rms-intake', key 'ORI|incident number|document id'. PENDING rows of another owner are taken over.
CREATE TABLE processed_message (
    processor   VARCHAR(64)  NOT NULL,
    message_key VARCHAR(400) NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    owner_id    VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_processed_message PRIMARY KEY (processor, message_key)
);

-- VINE-style registrations: a person on a case registered for events about an offender (offender_id set)
-- or about the case (offender_id null).
CREATE TABLE registration (
    id           VARCHAR(32)  NOT NULL,
    agency_id    VARCHAR(32)  NOT NULL,
    case_id      VARCHAR(32)  NOT NULL,
    person_id    VARCHAR(32)  NOT NULL,
    offender_id  VARCHAR(64),
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    cancelled_at TIMESTAMP,
    CONSTRAINT pk_registration PRIMARY KEY (id),
    CONSTRAINT fk_registration_case FOREIGN KEY (case_id) REFERENCES victim_case (id) ON DELETE CASCADE
);

CREATE INDEX ix_registration_offender ON registration (offender_id);

CREATE INDEX ix_registration_case ON registration (case_id, created_at);

-- Compensation claims: the durable outbox of the state adapter and the claim status shown on the case.
CREATE TABLE compensation_claim (
    id              VARCHAR(32)   NOT NULL,
    agency_id       VARCHAR(32)   NOT NULL,
    case_id         VARCHAR(32)   NOT NULL,
    person_id       VARCHAR(32)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL,
    last_error      VARCHAR(2000),
    state_reference VARCHAR(100),
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    delivered_at    TIMESTAMP,
    CONSTRAINT pk_compensation_claim PRIMARY KEY (id),
    CONSTRAINT fk_compensation_claim_case FOREIGN KEY (case_id) REFERENCES victim_case (id) ON DELETE CASCADE
);

CREATE INDEX ix_compensation_claim_case ON compensation_claim (case_id, created_at);

CREATE INDEX ix_compensation_claim_status ON compensation_claim (status, updated_at);

-- Dead letters of the integration routes: a reference to the message (file name, claim id, report id),
-- never its content, and why it was given up.
CREATE TABLE dead_letter (
    id          VARCHAR(32)   NOT NULL,
    source_name VARCHAR(64)   NOT NULL,
    message_ref VARCHAR(400)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    failed_at   TIMESTAMP     NOT NULL,
    resolved_at TIMESTAMP,
    CONSTRAINT pk_dead_letter PRIMARY KEY (id)
);

CREATE INDEX ix_dead_letter_ref ON dead_letter (source_name, message_ref);

CREATE INDEX ix_dead_letter_failed ON dead_letter (failed_at);
