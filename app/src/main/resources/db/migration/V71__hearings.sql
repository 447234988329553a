-- Public hearings: scheduled by a mediator with a date, a place or an online link, the party addressed and an
-- agenda; citizens register (a capacity, then a waiting list or a refusal) and send written submissions
-- beforehand; minutes and an outcome afterwards. Linked petitions and an optional linked consultation.
CREATE TABLE hearing (
    id               BIGSERIAL   PRIMARY KEY,
    process_id       BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    title            TEXT        NOT NULL,
    agenda           TEXT        NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    place            TEXT,
    online_url       TEXT,
    party_id         BIGINT      REFERENCES party (id),   -- the party addressed; null: the mediator
    capacity         INT         NOT NULL,
    waiting_list     BOOLEAN     NOT NULL,
    consultation_id  BIGINT,
    petition_ids     BIGINT[]    NOT NULL DEFAULT '{}',
    status           TEXT        NOT NULL,                 -- SCHEDULED, HELD, CANCELLED
    minutes          TEXT,
    outcome          TEXT,
    held_at          TIMESTAMPTZ,
    cancel_reason    TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       BIGINT      REFERENCES account (id)
);
CREATE INDEX hearing_process_idx ON hearing (process_id, starts_at);
CREATE INDEX hearing_petitions_idx ON hearing USING gin (petition_ids);

CREATE TABLE hearing_registration (
    id            BIGSERIAL   PRIMARY KEY,
    hearing_id    BIGINT      NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL,
    email         TEXT,                   -- never shown; null for an account without a usable address
    person_key    TEXT        NOT NULL,   -- "email:NORMALISED" or "account:ID": one registration per person
    status        TEXT        NOT NULL,   -- REGISTERED, WAITING, CANCELLED
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (hearing_id, person_key)
);
CREATE INDEX hearing_registration_status_idx ON hearing_registration (hearing_id, status, id);

CREATE TABLE hearing_submission (
    id            BIGSERIAL   PRIMARY KEY,
    hearing_id    BIGINT      NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    author_name   TEXT        NOT NULL,
    author_role   TEXT,
    person_key    TEXT        NOT NULL,
    body          TEXT        NOT NULL,   -- plain text, shown escaped
    language      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (hearing_id, person_key)
);
