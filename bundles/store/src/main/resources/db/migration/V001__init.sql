-- Tandem schema V001: agencies and victim cases with their persons.
-- Portable SQL only (Derby 10.16 and PostgreSQL 15): VARCHAR(n <= 32672), no CLOB/TEXT, BOOLEAN,
-- TIMESTAMP holding UTC wall-clock time, DATE for birth dates, application-generated string ids.
-- A statement ends with ';' at the end of a line; never end a line with ';' inside a statement.

CREATE TABLE agency (
    id   VARCHAR(32)  NOT NULL,
    kind VARCHAR(20)  NOT NULL,
    name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_agency PRIMARY KEY (id)
);

-- agency_id is the tenant: every read filters on it (no FK, an agency may be known only to the realm)
CREATE TABLE victim_case (
    id              VARCHAR(32)   NOT NULL,
    agency_id       VARCHAR(32)   NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    incident_number VARCHAR(64),
    incident_ori    VARCHAR(16),
    occurred_at     TIMESTAMP,
    location        VARCHAR(400),
    narrative       VARCHAR(8000),
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_victim_case PRIMARY KEY (id)
);

CREATE INDEX ix_victim_case_agency_created ON victim_case (agency_id, created_at);

CREATE INDEX ix_victim_case_agency_incident ON victim_case (agency_id, incident_number);

CREATE TABLE case_offense (
    case_id  VARCHAR(32) NOT NULL,
    position INT         NOT NULL,
    code     VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_case_offense PRIMARY KEY (case_id, position),
    CONSTRAINT fk_case_offense_case FOREIGN KEY (case_id) REFERENCES victim_case (id) ON DELETE CASCADE
);

CREATE TABLE case_need (
    case_id  VARCHAR(32) NOT NULL,
    need     VARCHAR(40) NOT NULL,
    position INT         NOT NULL,
    CONSTRAINT pk_case_need PRIMARY KEY (case_id, need),
    CONSTRAINT fk_case_need_case FOREIGN KEY (case_id) REFERENCES victim_case (id) ON DELETE CASCADE
);

CREATE TABLE case_person (
    id                VARCHAR(32)  NOT NULL,
    case_id           VARCHAR(32)  NOT NULL,
    position          INT          NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    relationship      VARCHAR(40),
    given_name        VARCHAR(100) NOT NULL,
    family_name       VARCHAR(100),
    birth_date        DATE,
    language          VARCHAR(16),
    email             VARCHAR(254),
    phone             VARCHAR(32),
    safe_from         VARCHAR(5),
    safe_to           VARCHAR(5),
    safe_zone         VARCHAR(64),
    no_voicemail      BOOLEAN      NOT NULL,
    safe_to_contact   BOOLEAN      NOT NULL,
    alternate_contact VARCHAR(400),
    CONSTRAINT pk_case_person PRIMARY KEY (id),
    CONSTRAINT fk_case_person_case FOREIGN KEY (case_id) REFERENCES victim_case (id) ON DELETE CASCADE
);

-- PostgreSQL does not index foreign keys by itself (Derby does and shares this one)
CREATE INDEX ix_case_person_case ON case_person (case_id);

CREATE TABLE person_channel (
    person_id VARCHAR(32) NOT NULL,
    position  INT         NOT NULL,
    channel   VARCHAR(10) NOT NULL,
    CONSTRAINT pk_person_channel PRIMARY KEY (person_id, position),
    CONSTRAINT fk_person_channel_person FOREIGN KEY (person_id) REFERENCES case_person (id) ON DELETE CASCADE
);
