-- An exchange may be required by a commitment of an adopted text (the texts and commitments feature), as well
-- as, or instead of, a roadmap milestone.
ALTER TABLE hum_exchange ADD COLUMN commitment_id bigint REFERENCES commitment (id);
