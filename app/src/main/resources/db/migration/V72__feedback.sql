-- Citizen feedback on milestones and commitments: "is this done?" (yes, partly, no) with a comment, one per
-- person per item (the latest answer counts), aggregated on the item's page.
CREATE TABLE citizen_feedback (
    id           BIGSERIAL   PRIMARY KEY,
    process_id   BIGINT      NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    item_kind    TEXT        NOT NULL,   -- MILESTONE, COMMITMENT
    item_id      BIGINT      NOT NULL,
    person_key   TEXT        NOT NULL,   -- "email:NORMALISED" or "account:ID": never shown
    author_name  TEXT        NOT NULL,
    author_role  TEXT,
    answer       TEXT        NOT NULL,   -- YES, PARTLY, NO
    comment      TEXT,                   -- plain text, shown escaped
    ip           TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (process_id, item_kind, item_id, person_key)
);
CREATE INDEX citizen_feedback_ip_idx ON citizen_feedback (process_id, ip, updated_at);
