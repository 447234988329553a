CREATE TABLE process (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    start_date  DATE        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('PREPARATION', 'ACTIVE', 'SUSPENDED', 'CONCLUDED')),
    languages   TEXT[]      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Mediators who administer a process.
CREATE TABLE process_mediator (
    process_id BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    PRIMARY KEY (process_id, account_id)
);

CREATE TABLE party (
    id         BIGSERIAL PRIMARY KEY,
    process_id BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL CHECK (kind IN ('STATE', 'INTERNATIONAL_ORGANISATION', 'UN_AGENCY', 'CIVIL_SOCIETY')),
    role       TEXT   NOT NULL CHECK (role IN ('CONFLICT_PARTY', 'MEDIATOR', 'OBSERVER_MISSION', 'GUARANTOR', 'HUMANITARIAN_AGENCY')),
    short_name TEXT   NOT NULL,
    name_en    TEXT   NOT NULL,
    name_uk    TEXT   NOT NULL,
    name_ru    TEXT   NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX party_process_idx ON party (process_id);
CREATE UNIQUE INDEX party_short_name_uq ON party (process_id, lower(short_name));

ALTER TABLE account ADD CONSTRAINT account_party_fk FOREIGN KEY (party_id) REFERENCES party (id);

CREATE TABLE track (
    id                BIGSERIAL PRIMARY KEY,
    process_id        BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    name              TEXT   NOT NULL,
    description       TEXT   NOT NULL DEFAULT '',
    chair_account_id  BIGINT REFERENCES account (id),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX track_process_idx ON track (process_id);

CREATE TABLE track_party (
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    party_id BIGINT NOT NULL REFERENCES party (id) ON DELETE CASCADE,
    PRIMARY KEY (track_id, party_id)
);

CREATE TABLE track_session (
    id                 BIGSERIAL PRIMARY KEY,
    track_id           BIGINT      NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    title              TEXT        NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ,
    place              TEXT,
    online_url         TEXT,
    outcome            TEXT        NOT NULL DEFAULT '',
    minutes            TEXT        NOT NULL DEFAULT '',
    minutes_visibility TEXT        NOT NULL CHECK (minutes_visibility IN ('PUBLIC', 'PARTIES', 'MEDIATOR')),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT session_ends_after_start CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX session_track_idx ON track_session (track_id, starts_at);

CREATE TABLE session_agenda_item (
    session_id BIGINT NOT NULL REFERENCES track_session (id) ON DELETE CASCADE,
    position   INT    NOT NULL,
    title      TEXT   NOT NULL,
    PRIMARY KEY (session_id, position)
);

CREATE TABLE session_attendance (
    session_id BIGINT NOT NULL REFERENCES track_session (id) ON DELETE CASCADE,
    party_id   BIGINT NOT NULL REFERENCES party (id) ON DELETE CASCADE,
    delegates  TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, party_id)
);

CREATE TABLE session_action (
    id                   BIGSERIAL PRIMARY KEY,
    session_id           BIGINT NOT NULL REFERENCES track_session (id) ON DELETE CASCADE,
    description          TEXT   NOT NULL,
    responsible_party_id BIGINT REFERENCES party (id),
    due_date             DATE
);
