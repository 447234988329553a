-- Consultations (org.parley.engagement): the map computed at closing is final. A background round that
-- was computing when the consultation closed must not overwrite it once the closing commits.
ALTER TABLE consultation_map ADD COLUMN final BOOLEAN NOT NULL DEFAULT false;
UPDATE consultation_map m SET final = true FROM consultation c WHERE c.id = m.consultation_id AND c.closed_at IS NOT NULL AND m.computed_at >= c.closed_at;
