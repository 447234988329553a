-- Ceasefire and de-escalation monitoring: observer reports, events corroborated from them, parties' claims,
-- ceasefire scopes, violations, imports from outside sources.

CREATE TABLE monitoring_event (
    id                   bigserial PRIMARY KEY,
    process_id           bigint NOT NULL REFERENCES process (id),
    category             text NOT NULL,
    state                text NOT NULL DEFAULT 'REPORTED',
    first_at             timestamptz NOT NULL,
    last_at              timestamptz NOT NULL,
    latitude             double precision NOT NULL,
    longitude            double precision NOT NULL,
    admin1               text,
    observers            int NOT NULL DEFAULT 0,
    reports              int NOT NULL DEFAULT 0,
    attributed_party_id  bigint REFERENCES party (id),
    decided_by_name      text,
    decided_by_account   bigint REFERENCES account (id),
    decision_reason      text,
    decided_at           timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT monitoring_event_state_ok CHECK (state IN ('REPORTED', 'CORROBORATED', 'VERIFIED', 'REFUTED', 'INCONCLUSIVE'))
);
-- dashboard filters (process, time) and the grouping look-up (open events of a process near in time)
CREATE INDEX monitoring_event_process_time ON monitoring_event (process_id, first_at);
CREATE INDEX monitoring_event_process_state_time ON monitoring_event (process_id, state, first_at);

CREATE TABLE monitoring_report (
    id                   bigserial PRIMARY KEY,
    process_id           bigint NOT NULL REFERENCES process (id),
    kind                 text NOT NULL,               -- OBSERVER or EXTERNAL (imported from an outside source)
    client_id            text,                        -- the observer device's own id, for idempotent uploads
    author_account       bigint REFERENCES account (id),
    author_name          text,
    team                 text,
    observed_from        timestamptz NOT NULL,
    observed_to          timestamptz,
    latitude             double precision,
    longitude            double precision,
    precision_m          int,
    place                text,
    admin1               text,
    admin2               text,
    category             text NOT NULL,
    quantity             int,
    direction            text,
    distance_m           int,
    weapon               text,
    alleged_party_id     bigint REFERENCES party (id),
    alleged_by           text,
    killed_civilian      int,
    killed_military      int,
    injured_civilian     int,
    injured_military     int,
    deaths_best          int,
    sources              text,
    confidence           text,
    description          text,
    language             text,
    event_id             bigint REFERENCES monitoring_event (id),
    external_source      text,
    external_id          text,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX monitoring_report_client ON monitoring_report (author_account, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX monitoring_report_external ON monitoring_report (process_id, external_source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX monitoring_report_event ON monitoring_report (event_id);
CREATE INDEX monitoring_report_process_time ON monitoring_report (process_id, kind, observed_from);

CREATE TABLE monitoring_attachment (
    id           bigserial PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES monitoring_report (id) ON DELETE CASCADE,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    size_bytes   int NOT NULL,
    sha256       text NOT NULL,
    content      bytea NOT NULL
);
CREATE INDEX monitoring_attachment_report ON monitoring_attachment (report_id);

CREATE TABLE monitoring_event_step (
    id          bigserial PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES monitoring_event (id),
    from_state  text,
    to_state    text NOT NULL,
    account_id  bigint REFERENCES account (id),
    actor_name  text NOT NULL,
    actor_role  text NOT NULL,
    reason      text NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX monitoring_event_step_event ON monitoring_event_step (event_id, at);

CREATE TABLE monitoring_claim (
    id                 bigserial PRIMARY KEY,
    process_id         bigint NOT NULL REFERENCES process (id),
    party_id           bigint NOT NULL REFERENCES party (id),
    filed_by_account   bigint NOT NULL REFERENCES account (id),
    observed_from      timestamptz NOT NULL,
    observed_to        timestamptz,
    latitude           double precision NOT NULL,
    longitude          double precision NOT NULL,
    admin1             text,
    category           text NOT NULL,
    accused_party_id   bigint REFERENCES party (id),
    description        text NOT NULL,
    evidence           text,
    evidence_sha256    text,
    status             text NOT NULL DEFAULT 'CLAIMED',
    event_id           bigint REFERENCES monitoring_event (id),
    decided_by_name    text,
    decision_reason    text,
    decided_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT monitoring_claim_status_ok CHECK (status IN ('CLAIMED', 'VERIFIED', 'REFUTED'))
);
CREATE INDEX monitoring_claim_process ON monitoring_claim (process_id, observed_from);

CREATE TABLE monitoring_ceasefire (
    id                bigserial PRIMARY KEY,
    process_id        bigint NOT NULL REFERENCES process (id),
    milestone_id      bigint REFERENCES milestone (id),
    name              text NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz,
    geography         text NOT NULL,             -- COUNTRY, POLYGON or CONTACT_LINE
    geometry          text,                      -- GeoJSON geometry for POLYGON and CONTACT_LINE
    buffer_km         double precision,
    categories        text[] NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_ceasefire_process ON monitoring_ceasefire (process_id);

CREATE TABLE monitoring_violation (
    event_id      bigint NOT NULL REFERENCES monitoring_event (id),
    ceasefire_id  bigint NOT NULL REFERENCES monitoring_ceasefire (id),
    party_id      bigint REFERENCES party (id),
    day           date NOT NULL,
    PRIMARY KEY (event_id, ceasefire_id)
);
CREATE INDEX monitoring_violation_ceasefire_day ON monitoring_violation (ceasefire_id, day);

CREATE TABLE monitoring_import (
    id              bigserial PRIMARY KEY,
    process_id      bigint NOT NULL REFERENCES process (id),
    format          text NOT NULL,
    file_name       text,
    sha256          text NOT NULL,
    account_id      bigint REFERENCES account (id),
    status          text NOT NULL,
    rows_read       int NOT NULL DEFAULT 0,
    rows_imported   int NOT NULL DEFAULT 0,
    rows_duplicate  int NOT NULL DEFAULT 0,
    rows_failed     int NOT NULL DEFAULT 0,
    deaths_best     bigint NOT NULL DEFAULT 0,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

CREATE TABLE monitoring_import_error (
    import_id   bigint NOT NULL REFERENCES monitoring_import (id),
    row_number  int NOT NULL,
    message     text NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

CREATE TABLE monitoring_alert (
    id          bigserial PRIMARY KEY,
    process_id  bigint NOT NULL REFERENCES process (id),
    day         date NOT NULL,
    last_24h    int NOT NULL,
    baseline    double precision NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (process_id, day)
);
