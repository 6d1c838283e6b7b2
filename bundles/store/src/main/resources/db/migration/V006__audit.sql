-- Tandem schema V006: the audit trail (see org.tandem.api.audit). Append-only: the store has no UPDATE or DELETE
-- statement for audit_record. Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.

-- The end of the chain. Writers update it first in their transaction, which serialises them (on every node), so
-- each record links to the one committed before it.
CREATE TABLE audit_head (
    id        INT          NOT NULL,
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- hash = SHA-256(prev_hash + canonical form of the row), hex: changing, removing or reordering a row breaks the chain
CREATE TABLE audit_record (
    seq            BIGINT        NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    user_name      VARCHAR(100),
    agency_id      VARCHAR(32),
    roles          VARCHAR(200),
    action         VARCHAR(200)  NOT NULL,
    object_type    VARCHAR(40),
    object_id      VARCHAR(100),
    case_id        VARCHAR(32),
    fields         VARCHAR(400),
    client_address VARCHAR(64),
    outcome        VARCHAR(40)   NOT NULL,
    prev_hash      VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_record PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_agency_time ON audit_record (agency_id, recorded_at);
CREATE INDEX ix_audit_case ON audit_record (case_id);
