-- Tandem schema V005: the durable event journal (see org.tandem.api.event).
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.

-- The journal's counter. A writer takes the next sequence by updating this single row as the LAST statement of its
-- transaction: the row lock serialises journal writers until they commit, so sequences become visible in commit
-- order and a consumer's cursor can never skip an entry that commits late.
CREATE TABLE event_journal_head (
    id       INT    NOT NULL,
    last_seq BIGINT NOT NULL,
    CONSTRAINT pk_event_journal_head PRIMARY KEY (id)
);
INSERT INTO event_journal_head (id, last_seq) VALUES (1, 0);

-- properties: the event's properties in the store's line format (key, type, percent-encoded value); ids only, no PII.
CREATE TABLE event_journal (
    seq         BIGINT        NOT NULL,
    topic       VARCHAR(128)  NOT NULL,
    properties  VARCHAR(4000) NOT NULL,
    recorded_at TIMESTAMP     NOT NULL,
    CONSTRAINT pk_event_journal PRIMARY KEY (seq)
);

-- One row per consumer: the sequence of the last entry it handled. A consumer locks its row while it consumes, so
-- two nodes never hand the same entries to the same consumer at the same time.
CREATE TABLE event_cursor (
    consumer   VARCHAR(100) NOT NULL,
    last_seq   BIGINT       NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_event_cursor PRIMARY KEY (consumer)
);
-- the notification outbox consumes every event journaled from this version on
INSERT INTO event_cursor (consumer, last_seq, updated_at) VALUES ('notification', 0, CURRENT_TIMESTAMP);
