-- Commitments from the clauses of adopted texts, their indicators, and every reported or verified level.
CREATE TABLE commitment (
    id                   BIGSERIAL PRIMARY KEY,
    process_id           BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    text_id              BIGINT NOT NULL REFERENCES negotiating_text (id),
    clause_id            BIGINT NOT NULL REFERENCES text_clause (id),
    action               TEXT   NOT NULL,
    -- Copied from the adopted text: whether it is confidential (then only hashes are public) and when it entered into force.
    confidential         BOOLEAN NOT NULL,
    in_force_from        DATE   NOT NULL,
    theme                TEXT   NOT NULL CHECK (theme IN ('CEASEFIRE', 'WEAPONS_WITHDRAWAL', 'PRISONERS', 'HUMANITARIAN_ACCESS',
                                                          'ECONOMIC', 'POLITICAL', 'SECURITY_GUARANTEES', 'CONFIDENCE_BUILDING')),
    deadline_kind        TEXT   NOT NULL CHECK (deadline_kind IN ('FIXED', 'AFTER_ENTRY_INTO_FORCE', 'AFTER_COMMITMENT')),
    due_date             DATE,
    offset_days          INT,
    anchor_commitment_id BIGINT REFERENCES commitment (id),
    reported_level       INT    NOT NULL DEFAULT 0 CHECK (reported_level BETWEEN 0 AND 3),
    verified_level       INT CHECK (verified_level BETWEEN 0 AND 3),
    completed_on         DATE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT commitment_deadline_shape CHECK (
        (deadline_kind = 'FIXED' AND due_date IS NOT NULL AND anchor_commitment_id IS NULL)
     OR (deadline_kind = 'AFTER_ENTRY_INTO_FORCE' AND offset_days IS NOT NULL AND anchor_commitment_id IS NULL)
     OR (deadline_kind = 'AFTER_COMMITMENT' AND offset_days IS NOT NULL AND anchor_commitment_id IS NOT NULL)),
    CONSTRAINT commitment_not_own_anchor CHECK (anchor_commitment_id IS NULL OR anchor_commitment_id <> id)
);
CREATE INDEX commitment_process_idx ON commitment (process_id);
CREATE INDEX commitment_text_idx ON commitment (text_id);

CREATE TABLE commitment_party (
    commitment_id BIGINT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    party_id      BIGINT NOT NULL REFERENCES party (id),
    PRIMARY KEY (commitment_id, party_id)
);
CREATE INDEX commitment_party_party_idx ON commitment_party (party_id);

CREATE TABLE commitment_indicator (
    id            BIGSERIAL PRIMARY KEY,
    commitment_id BIGINT  NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    target        NUMERIC NOT NULL,
    current_value NUMERIC NOT NULL DEFAULT 0
);
CREATE INDEX commitment_indicator_idx ON commitment_indicator (commitment_id);

-- Each row keeps the level before it, so a roll-up over time is a running sum of (level - previous_level).
CREATE TABLE commitment_level_change (
    id             BIGSERIAL PRIMARY KEY,
    process_id     BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    commitment_id  BIGINT      NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    kind           TEXT        NOT NULL CHECK (kind IN ('REPORTED', 'VERIFIED')),
    level          INT         NOT NULL CHECK (level BETWEEN 0 AND 3),
    previous_level INT         NOT NULL CHECK (previous_level BETWEEN 0 AND 3),
    reason         TEXT        NOT NULL,
    evidence       TEXT        NOT NULL,
    evidence_hash  TEXT        NOT NULL,
    account_id     BIGINT      REFERENCES account (id),
    actor          TEXT        NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX commitment_level_change_idx ON commitment_level_change (commitment_id, changed_at);
CREATE INDEX commitment_level_change_process_idx ON commitment_level_change (process_id, changed_at)
    INCLUDE (commitment_id, kind, level, previous_level);

-- The plan's own tables: objectives → initiatives, strategies → anticipated impacts, collaboration areas → outcomes,
-- confidence-building measures; each linked to a track and optionally a commitment and one of its indicators.
CREATE TABLE plan_item (
    id            BIGSERIAL PRIMARY KEY,
    process_id    BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    kind          TEXT   NOT NULL CHECK (kind IN ('OBJECTIVE', 'STRATEGY', 'COLLABORATION_AREA', 'CONFIDENCE_MEASURE')),
    title         TEXT   NOT NULL,
    expected      TEXT   NOT NULL,
    track_id      BIGINT REFERENCES track (id),
    commitment_id BIGINT REFERENCES commitment (id),
    indicator_id  BIGINT REFERENCES commitment_indicator (id),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX plan_item_process_idx ON plan_item (process_id, kind);
