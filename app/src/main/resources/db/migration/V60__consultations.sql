-- Public consultations with Polis-style opinion mapping (feature: consultations, org.parley.engagement).

CREATE TABLE consultation (
    id             BIGSERIAL PRIMARY KEY,
    process_id     BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    question       TEXT        NOT NULL,
    context        TEXT        NOT NULL DEFAULT '',
    languages      TEXT[]      NOT NULL,
    opens_at       TIMESTAMPTZ NOT NULL,
    closes_at      TIMESTAMPTZ NOT NULL,
    moderation     TEXT        NOT NULL CHECK (moderation IN ('BEFORE', 'AFTER')),
    closed_mode    BOOLEAN     NOT NULL DEFAULT false,
    closed_at      TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT consultation_times CHECK (closes_at > opens_at)
);
CREATE INDEX consultation_process_idx ON consultation (process_id);
CREATE INDEX consultation_open_idx ON consultation (closes_at) WHERE closed_at IS NULL;

-- Pseudonymous participants: only the SHA-256 of their token is kept.
CREATE TABLE consultation_participant (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    token_hash      BYTEA       NOT NULL,
    invitation_id   BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT consultation_participant_token UNIQUE (consultation_id, token_hash)
);

-- Closed mode: one participant per invitation code (the code is kept hashed too).
CREATE TABLE consultation_invitation (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    code_hash       BYTEA       NOT NULL,
    used_at         TIMESTAMPTZ,
    CONSTRAINT consultation_invitation_code UNIQUE (consultation_id, code_hash)
);

CREATE TABLE consultation_statement (
    id               BIGSERIAL PRIMARY KEY,
    consultation_id  BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    text             TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 280),
    language         TEXT        NOT NULL,
    translations     JSONB       NOT NULL DEFAULT '{}',
    seed             BOOLEAN     NOT NULL DEFAULT false,
    author_id        BIGINT      REFERENCES consultation_participant (id) ON DELETE SET NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    reject_reason    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    moderated_at     TIMESTAMPTZ,
    CONSTRAINT consultation_statement_reason CHECK (status <> 'REJECTED' OR reject_reason IS NOT NULL)
);
CREATE INDEX consultation_statement_idx ON consultation_statement (consultation_id, status);

-- The latest vote of a participant on a statement: 1 agree, -1 disagree, 0 pass.
CREATE TABLE consultation_vote (
    participant_id  BIGINT      NOT NULL REFERENCES consultation_participant (id) ON DELETE CASCADE,
    statement_id    BIGINT      NOT NULL REFERENCES consultation_statement (id) ON DELETE CASCADE,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    vote            SMALLINT    NOT NULL CHECK (vote IN (-1, 0, 1)),
    voted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX consultation_vote_consultation_idx ON consultation_vote (consultation_id, voted_at);

-- The latest opinion map of each consultation, recomputed in the background.
CREATE TABLE consultation_map (
    consultation_id BIGINT      PRIMARY KEY REFERENCES consultation (id) ON DELETE CASCADE,
    computed_at     TIMESTAMPTZ NOT NULL,
    vote_count      BIGINT      NOT NULL,
    last_vote_at    TIMESTAMPTZ,
    report          JSONB       NOT NULL,
    state           JSONB       NOT NULL
);
