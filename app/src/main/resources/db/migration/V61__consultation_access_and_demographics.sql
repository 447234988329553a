-- Consultations (org.parley.engagement): closed mode by verified e-mail besides invitation codes, and
-- optional demographic questions.

-- Who may take part: anyone (OPEN), holders of an invitation code (INVITATION) or people who proved an
-- e-mail address by a mailed link (EMAIL). closed_mode stays as the short answer "not open to anyone".
ALTER TABLE consultation ADD COLUMN access TEXT NOT NULL DEFAULT 'OPEN' CHECK (access IN ('OPEN', 'INVITATION', 'EMAIL'));
UPDATE consultation SET access = 'INVITATION' WHERE closed_mode;
ALTER TABLE consultation ADD CONSTRAINT consultation_access_closed CHECK (closed_mode = (access <> 'OPEN'));

-- One participant per verified address: only a keyed SHA-256 of the normalised address is kept here (the
-- address itself is in the mail outbox, which mediators read).
ALTER TABLE consultation_participant ADD COLUMN email_hash BYTEA;
CREATE UNIQUE INDEX consultation_participant_email ON consultation_participant (consultation_id, email_hash) WHERE email_hash IS NOT NULL;

-- Mailed links: each is used once, within a limited time.
CREATE TABLE consultation_email_link (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    email_hash      BYTEA       NOT NULL,
    link_hash       BYTEA       NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    participant_id  BIGINT      REFERENCES consultation_participant (id) ON DELETE SET NULL,
    CONSTRAINT consultation_email_link_hash UNIQUE (link_hash)
);
CREATE INDEX consultation_email_link_idx ON consultation_email_link (consultation_id, email_hash);

-- Optional questions about the participant (e.g. age band, region), each with fixed answers.
CREATE TABLE consultation_question (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    position        INT         NOT NULL,
    text            TEXT        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 200),
    options         TEXT[]      NOT NULL CHECK (cardinality(options) BETWEEN 2 AND 12),
    CONSTRAINT consultation_question_position UNIQUE (consultation_id, position)
);

-- A participant answers a question once, or never.
CREATE TABLE consultation_answer (
    participant_id  BIGINT      NOT NULL REFERENCES consultation_participant (id) ON DELETE CASCADE,
    question_id     BIGINT      NOT NULL REFERENCES consultation_question (id) ON DELETE CASCADE,
    consultation_id BIGINT      NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    option_index    SMALLINT    NOT NULL CHECK (option_index >= 0),
    answered_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (participant_id, question_id)
);
CREATE INDEX consultation_answer_consultation_idx ON consultation_answer (consultation_id);
