-- Tandem schema V008: confirmed notifications (acknowledgements, reminders, escalation to an advocate).
-- (V007 is assigned to the audit retention anchor, developed in parallel.)
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.

-- the channels a person marked as safe for urgent alerts outside their safe hours (comma-separated enum names)
ALTER TABLE case_person ADD COLUMN urgent_channels VARCHAR(60);

-- One event for one recipient that must be confirmed: the unit that is reminded, confirmed and escalated.
-- notice_key = eventType|eventId|personId|recipientType is unique (a replayed event creates nothing new).
-- lease_until/claim_token: the reminder scheduler holds a notice while it plans the next round (several nodes).
CREATE TABLE notice (
    id                VARCHAR(32)   NOT NULL,
    notice_key        VARCHAR(400)  NOT NULL,
    agency_id         VARCHAR(32)   NOT NULL,
    case_id           VARCHAR(32)   NOT NULL,
    person_id         VARCHAR(32)   NOT NULL,
    recipient_type    VARCHAR(20)   NOT NULL,
    event_type        VARCHAR(40)   NOT NULL,
    event_id          VARCHAR(200)  NOT NULL,
    urgency           VARCHAR(10)   NOT NULL,
    state             VARCHAR(12)   NOT NULL,
    first_notification_id VARCHAR(32) NOT NULL,
    rounds            INT           NOT NULL,
    next_round_at     TIMESTAMP,
    escalate_at       TIMESTAMP,
    expires_at        TIMESTAMP     NOT NULL,
    escalated_at      TIMESTAMP,
    confirmed_at      TIMESTAMP,
    confirmed_channel VARCHAR(16),
    confirmed_by      VARCHAR(20),
    created_at        TIMESTAMP     NOT NULL,
    updated_at        TIMESTAMP     NOT NULL,
    lease_until       TIMESTAMP,
    claim_token       VARCHAR(32),
    CONSTRAINT pk_notice PRIMARY KEY (id),
    CONSTRAINT uq_notice_key UNIQUE (notice_key)
);

CREATE INDEX ix_notice_due ON notice (state, next_round_at);
CREATE INDEX ix_notice_escalate ON notice (state, escalate_at);
CREATE INDEX ix_notice_case ON notice (agency_id, case_id);

-- One confirmation code or link token handed out with one message. Only a SHA-256 of the secret is kept;
-- an SMS code is matched together with the hash of the phone number it was sent to.
CREATE TABLE confirmation_code (
    id                VARCHAR(32)   NOT NULL,
    secret_hash       VARCHAR(64)   NOT NULL,
    kind              VARCHAR(12)   NOT NULL,
    address_hash      VARCHAR(64),
    notice_id         VARCHAR(32)   NOT NULL,
    notification_id   VARCHAR(32)   NOT NULL,
    channel           VARCHAR(16)   NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    expires_at        TIMESTAMP     NOT NULL,
    used_at           TIMESTAMP,
    CONSTRAINT pk_confirmation_code PRIMARY KEY (id),
    CONSTRAINT fk_confirmation_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
);

CREATE INDEX ix_confirmation_secret ON confirmation_code (secret_hash);

-- Failed confirmation tries, by scope (a phone number's hash, a notice): the rate limit against guessing.
CREATE TABLE confirmation_failure (
    scope_key         VARCHAR(80)   NOT NULL,
    failed_at         TIMESTAMP     NOT NULL
);

CREATE INDEX ix_confirmation_failure ON confirmation_failure (scope_key, failed_at);

-- A confirmation PIN a person chose at registration, for VOICE/IVR gateways (PBKDF2, never the PIN itself).
CREATE TABLE person_pin (
    person_id         VARCHAR(32)   NOT NULL,
    pin_hash          VARCHAR(200)  NOT NULL,
    set_by            VARCHAR(100)  NOT NULL,
    set_at            TIMESTAMP     NOT NULL,
    CONSTRAINT pk_person_pin PRIMARY KEY (person_id)
);

-- The advocate a case is assigned to (escalations go to them).
CREATE TABLE case_advocate (
    case_id           VARCHAR(32)   NOT NULL,
    agency_id         VARCHAR(32)   NOT NULL,
    user_name         VARCHAR(100)  NOT NULL,
    assigned_by       VARCHAR(100)  NOT NULL,
    assigned_at       TIMESTAMP     NOT NULL,
    CONSTRAINT pk_case_advocate PRIMARY KEY (case_id)
);

-- A follow-up task for a person: an urgent notice nobody confirmed, or that could not be delivered.
-- One task per (notice, kind).
CREATE TABLE followup_task (
    id                VARCHAR(32)   NOT NULL,
    task_key          VARCHAR(120)  NOT NULL,
    agency_id         VARCHAR(32)   NOT NULL,
    case_id           VARCHAR(32)   NOT NULL,
    person_id         VARCHAR(32)   NOT NULL,
    notice_id         VARCHAR(32),
    kind              VARCHAR(30)   NOT NULL,
    assignee          VARCHAR(100),
    state             VARCHAR(10)   NOT NULL,
    reason            VARCHAR(400),
    created_at        TIMESTAMP     NOT NULL,
    outcome           VARCHAR(30),
    outcome_note      VARCHAR(1000),
    closed_by         VARCHAR(100),
    closed_at         TIMESTAMP,
    CONSTRAINT pk_followup_task PRIMARY KEY (id),
    CONSTRAINT uq_followup_task_key UNIQUE (task_key)
);

CREATE INDEX ix_followup_task_assignee ON followup_task (agency_id, state, assignee);
