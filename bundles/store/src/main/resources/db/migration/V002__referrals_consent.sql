-- Tandem schema V002: consents, the provider directory and referrals with their history.
-- Portable SQL only (Derby 10.16 and PostgreSQL 15), same rules as V001. No column is named after a word
-- either engine reserves (at, value, state, hour): changed_at, area_value, state_code, opening_hours.

-- A consent is never deleted; revocation sets revoked_at once. items: comma-separated DataItem names.
CREATE TABLE consent (
    id                VARCHAR(32)  NOT NULL,
    case_id           VARCHAR(32)  NOT NULL,
    person_id         VARCHAR(32)  NOT NULL,
    scope             VARCHAR(30)  NOT NULL,
    recipient_kind    VARCHAR(10)  NOT NULL,
    recipient_id      VARCHAR(64),
    purpose           VARCHAR(500) NOT NULL,
    form              VARCHAR(20)  NOT NULL,
    items             VARCHAR(200) NOT NULL,
    granted_at        TIMESTAMP    NOT NULL,
    expires_at        TIMESTAMP,
    revoked_at        TIMESTAMP,
    recorded_by       VARCHAR(100) NOT NULL,
    revoked_by        VARCHAR(100),
    revocation_reason VARCHAR(500),
    CONSTRAINT pk_consent PRIMARY KEY (id),
    CONSTRAINT fk_consent_case FOREIGN KEY (case_id) REFERENCES victim_case (id),
    CONSTRAINT fk_consent_person FOREIGN KEY (person_id) REFERENCES case_person (id)
);

CREATE INDEX ix_consent_case ON consent (case_id);

CREATE INDEX ix_consent_person ON consent (person_id);

-- The directory (HSDS-like organization -> services, locations). agency_id: the Tandem agency whose users act
-- on referrals to this provider (no FK: an agency may be known only to the realm).
CREATE TABLE provider (
    id                  VARCHAR(64)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    description         VARCHAR(2000),
    agency_id           VARCHAR(32),
    accepting_referrals BOOLEAN       NOT NULL,
    statewide           BOOLEAN       NOT NULL,
    eligibility         VARCHAR(2000),
    opening_hours       VARCHAR(500),
    phone               VARCHAR(32),
    email               VARCHAR(254),
    website             VARCHAR(400),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_provider PRIMARY KEY (id)
);

CREATE INDEX ix_provider_agency ON provider (agency_id);

CREATE TABLE provider_service (
    provider_id VARCHAR(64)   NOT NULL,
    position    INT           NOT NULL,
    category    VARCHAR(40)   NOT NULL,
    name        VARCHAR(200),
    description VARCHAR(2000),
    CONSTRAINT pk_provider_service PRIMARY KEY (provider_id, position),
    CONSTRAINT fk_provider_service_provider FOREIGN KEY (provider_id) REFERENCES provider (id) ON DELETE CASCADE
);

CREATE INDEX ix_provider_service_category ON provider_service (category, provider_id);

-- primary_tag: the lower-case primary subtag of the BCP 47 tag ("es" for "es-MX"), what searches compare
CREATE TABLE provider_language (
    provider_id VARCHAR(64) NOT NULL,
    position    INT         NOT NULL,
    language    VARCHAR(35) NOT NULL,
    primary_tag VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_provider_language PRIMARY KEY (provider_id, position),
    CONSTRAINT fk_provider_language_provider FOREIGN KEY (provider_id) REFERENCES provider (id) ON DELETE CASCADE
);

CREATE INDEX ix_provider_language_tag ON provider_language (primary_tag, provider_id);

-- kind COUNTY or ZIP; area_key: lower case, without a trailing " county", what searches compare
CREATE TABLE provider_area (
    provider_id VARCHAR(64)  NOT NULL,
    kind        VARCHAR(6)   NOT NULL,
    position    INT          NOT NULL,
    area_value  VARCHAR(100) NOT NULL,
    area_key    VARCHAR(100) NOT NULL,
    CONSTRAINT pk_provider_area PRIMARY KEY (provider_id, kind, position),
    CONSTRAINT fk_provider_area_provider FOREIGN KEY (provider_id) REFERENCES provider (id) ON DELETE CASCADE
);

CREATE INDEX ix_provider_area_key ON provider_area (kind, area_key, provider_id);

CREATE TABLE provider_location (
    provider_id VARCHAR(64)  NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(200),
    address     VARCHAR(400),
    city        VARCHAR(100),
    county      VARCHAR(100),
    state_code  VARCHAR(2),
    zip         VARCHAR(10),
    CONSTRAINT pk_provider_location PRIMARY KEY (provider_id, position),
    CONSTRAINT fk_provider_location_provider FOREIGN KEY (provider_id) REFERENCES provider (id) ON DELETE CASCADE
);

-- agency_id: the referring agency, owner of the case. version: optimistic lock for status changes.
CREATE TABLE referral (
    id          VARCHAR(32)   NOT NULL,
    case_id     VARCHAR(32)   NOT NULL,
    agency_id   VARCHAR(32)   NOT NULL,
    person_id   VARCHAR(32)   NOT NULL,
    provider_id VARCHAR(64)   NOT NULL,
    consent_id  VARCHAR(32),
    status      VARCHAR(20)   NOT NULL,
    urgency     VARCHAR(10)   NOT NULL,
    note        VARCHAR(2000),
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    sent_at     TIMESTAMP,
    version     INT           NOT NULL,
    CONSTRAINT pk_referral PRIMARY KEY (id),
    CONSTRAINT fk_referral_case FOREIGN KEY (case_id) REFERENCES victim_case (id),
    CONSTRAINT fk_referral_person FOREIGN KEY (person_id) REFERENCES case_person (id),
    CONSTRAINT fk_referral_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
    CONSTRAINT fk_referral_consent FOREIGN KEY (consent_id) REFERENCES consent (id)
);

CREATE INDEX ix_referral_case ON referral (case_id);

CREATE INDEX ix_referral_agency_created ON referral (agency_id, created_at);

CREATE INDEX ix_referral_provider_status ON referral (provider_id, status);

CREATE INDEX ix_referral_status_sent ON referral (status, sent_at);

CREATE TABLE referral_service (
    referral_id VARCHAR(32) NOT NULL,
    position    INT         NOT NULL,
    category    VARCHAR(40) NOT NULL,
    CONSTRAINT pk_referral_service PRIMARY KEY (referral_id, position),
    CONSTRAINT fk_referral_service_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE
);

-- the history: one row per status change, seq 0 is the creation (from_status NULL)
CREATE TABLE referral_transition (
    referral_id VARCHAR(32)   NOT NULL,
    seq         INT           NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)   NOT NULL,
    changed_at  TIMESTAMP     NOT NULL,
    by_user     VARCHAR(100)  NOT NULL,
    by_agency   VARCHAR(32),
    reason      VARCHAR(1000),
    CONSTRAINT pk_referral_transition PRIMARY KEY (referral_id, seq),
    CONSTRAINT fk_referral_transition_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE
);
