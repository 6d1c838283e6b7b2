-- Tandem schema V003: the notification outbox and its history (delivery evidence).
-- (V002 is assigned to consent/referrals, developed in parallel.)
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.

-- One message about one event to one recipient on one channel. idempotency_key = event|person|recipient|channel
-- is unique, so a redelivered or replayed event never creates a second record. lease_until/claim_token: a
-- dispatcher holds a record while sending; an expired lease makes it due again (crash recovery).
CREATE TABLE notification (
    id                  VARCHAR(32)   NOT NULL,
    idempotency_key     VARCHAR(400)  NOT NULL,
    agency_id           VARCHAR(32)   NOT NULL,
    case_id             VARCHAR(32)   NOT NULL,
    person_id           VARCHAR(32)   NOT NULL,
    recipient_type      VARCHAR(20)   NOT NULL,
    event_type          VARCHAR(40)   NOT NULL,
    event_id            VARCHAR(200)  NOT NULL,
    channel             VARCHAR(16),
    language            VARCHAR(35),
    template            VARCHAR(64)   NOT NULL,
    template_language   VARCHAR(35),
    language_fallback   BOOLEAN       NOT NULL,
    content_hash        VARCHAR(64),
    state               VARCHAR(12)   NOT NULL,
    attempts            INT           NOT NULL,
    next_attempt_at     TIMESTAMP,
    provider_message_id VARCHAR(200),
    reason              VARCHAR(400),
    fallback_of         VARCHAR(32),
    created_by          VARCHAR(100),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    sent_at             TIMESTAMP,
    delivered_at        TIMESTAMP,
    lease_until         TIMESTAMP,
    claim_token         VARCHAR(32),
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT uq_notification_key UNIQUE (idempotency_key)
);

-- the dispatcher's query: pending records by due time
CREATE INDEX ix_notification_due ON notification (state, next_attempt_at);

CREATE INDEX ix_notification_case ON notification (agency_id, case_id, created_at);

CREATE INDEX ix_notification_provider ON notification (channel, provider_message_id);

-- what is needed to render the message again at send time (ids, statuses, dates; a manual message's text)
CREATE TABLE notification_param (
    notification_id VARCHAR(32)   NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    param_value     VARCHAR(4000),
    CONSTRAINT pk_notification_param PRIMARY KEY (notification_id, name),
    CONSTRAINT fk_notification_param FOREIGN KEY (notification_id) REFERENCES notification (id) ON DELETE CASCADE
);

-- every send attempt, receipt and rule decision, in order: the delivery evidence
CREATE TABLE notification_attempt (
    notification_id     VARCHAR(32)   NOT NULL,
    seq                 INT           NOT NULL,
    attempted_at        TIMESTAMP     NOT NULL,
    channel             VARCHAR(16),
    outcome             VARCHAR(20)   NOT NULL,
    provider_message_id VARCHAR(200),
    detail              VARCHAR(1000),
    content_hash        VARCHAR(64),
    CONSTRAINT pk_notification_attempt PRIMARY KEY (notification_id, seq),
    CONSTRAINT fk_notification_attempt FOREIGN KEY (notification_id) REFERENCES notification (id) ON DELETE CASCADE
);
