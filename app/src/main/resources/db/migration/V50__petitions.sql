-- Citizens' petitions: settings and thresholds per process, petitions, signatures, responses,
-- blocks, invalidations, tallies, and the mail outbox.

CREATE TABLE petition_settings (
    process_id             BIGINT  PRIMARY KEY REFERENCES process (id) ON DELETE CASCADE,
    supporters_needed      INT     NOT NULL DEFAULT 5,
    open_days              INT     NOT NULL DEFAULT 180,
    response_threshold     INT     NOT NULL DEFAULT 10000,
    response_days          INT     NOT NULL DEFAULT 30,
    hearing_threshold      INT     NOT NULL DEFAULT 100000,
    rate_limit_ip          INT     NOT NULL DEFAULT 20,
    rate_limit_subnet      INT     NOT NULL DEFAULT 200,
    rate_window_minutes    INT     NOT NULL DEFAULT 60
);

CREATE TABLE petition (
    id                 BIGSERIAL   PRIMARY KEY,
    process_id         BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    title              TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    language           TEXT        NOT NULL,
    to_mediator        BOOLEAN     NOT NULL,
    party_ids          BIGINT[]    NOT NULL DEFAULT '{}',
    creator_name       TEXT        NOT NULL,
    creator_email      TEXT        NOT NULL,            -- never shown to the public
    creator_token_hash TEXT        NOT NULL UNIQUE,     -- SHA-256 of the emailed token
    status             TEXT        NOT NULL,            -- UNCONFIRMED, GATHERING, MODERATION, OPEN, REJECTED, CLOSED
    created_at         TIMESTAMPTZ NOT NULL,
    confirmed_at       TIMESTAMPTZ,
    moderated_at       TIMESTAMPTZ,
    rejection_reason   TEXT,
    closes_at          TIMESTAMPTZ,
    signature_count    INT         NOT NULL DEFAULT 0,  -- confirmed, not withdrawn, not invalidated
    response_due_at    TIMESTAMPTZ,                     -- set when the response threshold is crossed
    hearing_due_since  TIMESTAMPTZ                      -- set when the hearing threshold is crossed
);
CREATE INDEX petition_process_idx ON petition (process_id, status);

CREATE TABLE petition_signature (
    id              BIGSERIAL   PRIMARY KEY,
    petition_id     BIGINT      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    name            TEXT        NOT NULL,
    email           TEXT        NOT NULL,
    email_norm      TEXT        NOT NULL,
    email_domain    TEXT        NOT NULL,
    region          TEXT        NOT NULL,
    ip              TEXT        NOT NULL,
    subnet          TEXT        NOT NULL,
    token_hash      TEXT        NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    withdrawn_at    TIMESTAMPTZ,
    invalidated_at  TIMESTAMPTZ,
    invalidation_id BIGINT,
    CONSTRAINT petition_signature_one_per_email UNIQUE (petition_id, email_norm)
);
CREATE INDEX petition_signature_ip_idx ON petition_signature (petition_id, ip, created_at);
CREATE INDEX petition_signature_subnet_idx ON petition_signature (petition_id, subnet, created_at);
CREATE INDEX petition_signature_valid_idx ON petition_signature (petition_id, region)
    WHERE confirmed_at IS NOT NULL AND withdrawn_at IS NULL AND invalidated_at IS NULL;

CREATE TABLE petition_response (
    id            BIGSERIAL   PRIMARY KEY,
    petition_id   BIGINT      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    party_id      BIGINT      REFERENCES party (id),     -- null: the mediator
    due_at        TIMESTAMPTZ NOT NULL,
    body          TEXT,
    responded_at  TIMESTAMPTZ,
    responder_id  BIGINT      REFERENCES account (id)
);
CREATE UNIQUE INDEX petition_response_addressee_uq ON petition_response (petition_id, coalesce(party_id, 0));

CREATE TABLE petition_block (
    id          BIGSERIAL   PRIMARY KEY,
    process_id  BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL,   -- EMAIL, DOMAIN, IP
    value       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (process_id, kind, value)
);

CREATE TABLE petition_invalidation (
    id           BIGSERIAL   PRIMARY KEY,
    petition_id  BIGINT      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL,   -- DOMAIN, IP, SUBNET, REGION, TIME_RANGE
    value        TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    affected     INT         NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    actor_id     BIGINT      REFERENCES account (id)
);

CREATE TABLE petition_tally (
    id           BIGSERIAL   PRIMARY KEY,
    petition_id  BIGINT      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    signatures   INT         NOT NULL,
    sha256       TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX petition_tally_petition_idx ON petition_tally (petition_id, id);

CREATE TABLE mail_outbox (
    id          BIGSERIAL   PRIMARY KEY,
    process_id  BIGINT      REFERENCES process (id) ON DELETE CASCADE,
    recipient   TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INT         NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX mail_outbox_unsent_idx ON mail_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_process_idx ON mail_outbox (process_id, id);
