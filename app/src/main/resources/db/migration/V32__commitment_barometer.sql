-- The barometer's running sums, kept per day as commitments are made and levels change (in the same transaction),
-- so that a roll-up over time reads a few thousand rows rather than every level change. party_id 0 holds the totals;
-- each responsible party has its own rows. kind CREATED counts new commitments; REPORTED and VERIFIED sum
-- (level - previous_level).
CREATE TABLE commitment_barometer (
    process_id   BIGINT  NOT NULL REFERENCES process (id) ON DELETE CASCADE,
    day          DATE    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('CREATED', 'REPORTED', 'VERIFIED')),
    theme        TEXT    NOT NULL,
    text_id      BIGINT  NOT NULL,
    confidential BOOLEAN NOT NULL,
    party_id     BIGINT  NOT NULL,
    delta        BIGINT  NOT NULL,
    PRIMARY KEY (process_id, party_id, day, kind, theme, text_id, confidential)
);

-- Commitments made before this table existed.
INSERT INTO commitment_barometer (process_id, day, kind, theme, text_id, confidential, party_id, delta)
SELECT c.process_id, (c.created_at AT TIME ZONE 'UTC')::date, 'CREATED', c.theme, c.text_id, c.confidential, p.party, count(*)
FROM commitment c
CROSS JOIN LATERAL (SELECT 0::bigint AS party UNION ALL SELECT party_id FROM commitment_party WHERE commitment_id = c.id) p
GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO commitment_barometer (process_id, day, kind, theme, text_id, confidential, party_id, delta)
SELECT c.process_id, (l.changed_at AT TIME ZONE 'UTC')::date, l.kind, c.theme, c.text_id, c.confidential, p.party, sum(l.level - l.previous_level)
FROM commitment_level_change l JOIN commitment c ON c.id = l.commitment_id
CROSS JOIN LATERAL (SELECT 0::bigint AS party UNION ALL SELECT party_id FROM commitment_party WHERE commitment_id = c.id) p
GROUP BY 1, 2, 3, 4, 5, 6, 7;
