-- Deadlines that count from a roadmap milestone's completion or from another event ("no later than day 5 after the
-- withdrawal is completed"); indicator values kept over time; plan rows linked to several tracks, commitments and indicators.

-- An event a deadline may count from: named by the mediator, recorded as having happened (with its date and evidence)
-- by the mediator or an observer, once.
CREATE TABLE deadline_event (
    id            BIGSERIAL PRIMARY KEY,
    process_id    BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    title         TEXT        NOT NULL,
    description   TEXT        NOT NULL DEFAULT '',
    occurred_on   DATE,
    reason        TEXT,
    evidence      TEXT,
    evidence_hash TEXT,
    account_id    BIGINT      REFERENCES account (id),
    recorder      TEXT,
    recorded_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT deadline_event_occurrence CHECK ((occurred_on IS NULL) = (evidence_hash IS NULL) AND (occurred_on IS NULL) = (recorded_at IS NULL))
);
CREATE INDEX deadline_event_process_idx ON deadline_event (process_id);

-- The roadmap's completed milestones, as its events tell them: deadlines resolve from here without asking the roadmap.
CREATE TABLE commitment_milestone_completion (
    milestone_id BIGINT PRIMARY KEY REFERENCES milestone (id) ON DELETE CASCADE,
    process_id   BIGINT NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    completed_on DATE   NOT NULL
);
CREATE INDEX commitment_milestone_completion_process_idx ON commitment_milestone_completion (process_id);
-- Milestones completed before this table existed.
INSERT INTO commitment_milestone_completion (milestone_id, process_id, completed_on)
SELECT id, process_id, completed_on FROM milestone WHERE status = 'COMPLETED' AND completed_on IS NOT NULL;

ALTER TABLE commitment
    ADD COLUMN anchor_milestone_id BIGINT REFERENCES milestone (id),
    ADD COLUMN anchor_event_id     BIGINT REFERENCES deadline_event (id),
    DROP CONSTRAINT commitment_deadline_kind_check,
    DROP CONSTRAINT commitment_deadline_shape;
ALTER TABLE commitment
    ADD CONSTRAINT commitment_deadline_kind_check CHECK (deadline_kind IN ('FIXED', 'AFTER_ENTRY_INTO_FORCE', 'AFTER_COMMITMENT',
                                                                          'AFTER_MILESTONE', 'AFTER_EVENT')),
    ADD CONSTRAINT commitment_deadline_shape CHECK (
        (deadline_kind = 'FIXED') = (due_date IS NOT NULL)
    AND (deadline_kind = 'FIXED') = (offset_days IS NULL)
    AND (deadline_kind = 'AFTER_COMMITMENT') = (anchor_commitment_id IS NOT NULL)
    AND (deadline_kind = 'AFTER_MILESTONE') = (anchor_milestone_id IS NOT NULL)
    AND (deadline_kind = 'AFTER_EVENT') = (anchor_event_id IS NOT NULL));
CREATE INDEX commitment_anchor_milestone_idx ON commitment (anchor_milestone_id) WHERE anchor_milestone_id IS NOT NULL;

-- What an observer verified, beside what the responsible party reported (current_value).
ALTER TABLE commitment_indicator ADD COLUMN verified_value NUMERIC;

-- Every measured value of an indicator, reported or verified, with the level change it came with.
CREATE TABLE commitment_indicator_value (
    id              BIGSERIAL PRIMARY KEY,
    indicator_id    BIGINT      NOT NULL REFERENCES commitment_indicator (id) ON DELETE CASCADE,
    kind            TEXT        NOT NULL CHECK (kind IN ('REPORTED', 'VERIFIED')),
    value           NUMERIC     NOT NULL,
    level_change_id BIGINT      REFERENCES commitment_level_change (id) ON DELETE CASCADE,
    actor           TEXT        NOT NULL,
    measured_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX commitment_indicator_value_idx ON commitment_indicator_value (indicator_id, measured_at);
-- Values reported before the history was kept: one entry each, dated by the commitment's last report.
INSERT INTO commitment_indicator_value (indicator_id, kind, value, level_change_id, actor, measured_at)
SELECT i.id, 'REPORTED', i.current_value, l.id, coalesce(l.actor, ''), coalesce(l.changed_at, now())
FROM commitment_indicator i
LEFT JOIN LATERAL (SELECT id, actor, changed_at FROM commitment_level_change
                   WHERE commitment_id = i.commitment_id AND kind = 'REPORTED' ORDER BY changed_at DESC, id DESC LIMIT 1) l ON true
WHERE i.current_value <> 0;

-- A row of the plan's tables may stand for several tracks, commitments and indicators.
CREATE TABLE plan_item_track (
    plan_item_id BIGINT NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    track_id     BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_item_id, track_id)
);
CREATE TABLE plan_item_commitment (
    plan_item_id  BIGINT NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    commitment_id BIGINT NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_item_id, commitment_id)
);
CREATE TABLE plan_item_indicator (
    plan_item_id BIGINT NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    indicator_id BIGINT NOT NULL REFERENCES commitment_indicator (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_item_id, indicator_id)
);
INSERT INTO plan_item_track SELECT id, track_id FROM plan_item WHERE track_id IS NOT NULL;
INSERT INTO plan_item_commitment SELECT id, commitment_id FROM plan_item WHERE commitment_id IS NOT NULL;
INSERT INTO plan_item_indicator SELECT id, indicator_id FROM plan_item WHERE indicator_id IS NOT NULL;
ALTER TABLE plan_item DROP COLUMN track_id, DROP COLUMN commitment_id, DROP COLUMN indicator_id,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
