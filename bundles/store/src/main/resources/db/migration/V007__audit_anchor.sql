-- Tandem schema V007: anchors of the audit trail's retention purges (see org.tandem.api.audit.AuditRetention).
-- One row per purge, written in the same transaction as each batch it deletes: the chain then verifies from the
-- anchor with the highest purged_through_seq (the next record must be purged_through_seq + 1 and link to
-- last_hash) instead of from the genesis hash. A record deleted without moving the anchor still breaks the chain.
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), see V001.
CREATE TABLE audit_anchor (
    id                 BIGINT        NOT NULL,
    purged_through_seq BIGINT        NOT NULL,
    last_hash          VARCHAR(64)   NOT NULL,
    purged_at          TIMESTAMP     NOT NULL,
    purged_count       BIGINT        NOT NULL,
    purged_by          VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_audit_anchor PRIMARY KEY (id)
);
CREATE INDEX ix_audit_anchor_seq ON audit_anchor (purged_through_seq);
