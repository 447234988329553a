-- Citizens have no account: they prove an email once per process by a mailed link (confirmed by a POST),
-- and then hold a pass (a random token, stored only as its SHA-256) that lets them post in forums,
-- register for hearings and give feedback under that email until it expires.
CREATE TABLE citizen_pass (
    id               BIGSERIAL   PRIMARY KEY,
    process_id       BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    name             TEXT        NOT NULL,
    email            TEXT        NOT NULL,            -- never shown to the public
    email_norm       TEXT        NOT NULL,
    link_token_hash  TEXT        NOT NULL UNIQUE,     -- the mailed link, single use
    pass_token_hash  TEXT        UNIQUE,              -- set when the link is confirmed
    return_to        TEXT,                            -- the page the citizen came from (a local path)
    ip               TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    confirmed_at     TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX citizen_pass_ip_idx ON citizen_pass (process_id, ip, created_at);
CREATE INDEX citizen_pass_email_idx ON citizen_pass (process_id, email_norm, created_at);
