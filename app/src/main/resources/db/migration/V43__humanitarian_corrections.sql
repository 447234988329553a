-- Needs and activities are corrected in place; who corrected them last, and when, is kept.
ALTER TABLE hum_need ADD COLUMN updated_by bigint REFERENCES account (id);
ALTER TABLE hum_need ADD COLUMN updated_at timestamptz;
ALTER TABLE hum_activity ADD COLUMN updated_by bigint REFERENCES account (id);
ALTER TABLE hum_activity ADD COLUMN updated_at timestamptz;
