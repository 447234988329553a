CREATE TABLE milestone (
    id                   BIGSERIAL PRIMARY KEY,
    process_id           BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    track_id             BIGINT REFERENCES track (id),
    title                TEXT   NOT NULL,
    description          TEXT   NOT NULL DEFAULT '',
    due_kind             TEXT   NOT NULL CHECK (due_kind IN ('DATE', 'AFTER_START', 'AFTER_MILESTONE')),
    due_date             DATE,
    offset_amount        INT,
    offset_unit          TEXT CHECK (offset_unit IN ('DAYS', 'WEEKS', 'MONTHS')),
    anchor_milestone_id  BIGINT REFERENCES milestone (id),
    status               TEXT   NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'MISSED', 'CANCELLED')),
    completed_on         DATE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT milestone_due_shape CHECK (
        (due_kind = 'DATE' AND due_date IS NOT NULL AND anchor_milestone_id IS NULL)
     OR (due_kind = 'AFTER_START' AND offset_amount IS NOT NULL AND offset_unit IS NOT NULL AND anchor_milestone_id IS NULL)
     OR (due_kind = 'AFTER_MILESTONE' AND offset_amount IS NOT NULL AND offset_unit IS NOT NULL AND anchor_milestone_id IS NOT NULL)),
    CONSTRAINT milestone_completion CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
);
CREATE INDEX milestone_process_idx ON milestone (process_id);

CREATE TABLE milestone_party (
    milestone_id BIGINT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    party_id     BIGINT NOT NULL REFERENCES party (id) ON DELETE CASCADE,
    PRIMARY KEY (milestone_id, party_id)
);

CREATE TABLE milestone_dependency (
    milestone_id  BIGINT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    depends_on_id BIGINT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    PRIMARY KEY (milestone_id, depends_on_id),
    CONSTRAINT no_self_dependency CHECK (milestone_id <> depends_on_id)
);
CREATE INDEX milestone_dependency_rev_idx ON milestone_dependency (depends_on_id);

CREATE TABLE milestone_status_change (
    id            BIGSERIAL PRIMARY KEY,
    milestone_id  BIGINT      NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    from_status   TEXT,
    to_status     TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by    BIGINT      REFERENCES account (id),
    reason        TEXT        NOT NULL,
    evidence      TEXT,
    evidence_hash TEXT
);
CREATE INDEX milestone_status_change_idx ON milestone_status_change (milestone_id, changed_at);
