-- A corridor's route as points (latitude, longitude, flat), and how far from it a verified incident of
-- monitoring still counts against the corridor. Imported corridors keep only their two end points.
ALTER TABLE hum_corridor ADD COLUMN route_path double precision[] CHECK (route_path IS NULL OR cardinality(route_path) % 2 = 0);
ALTER TABLE hum_corridor ADD COLUMN buffer_m int NOT NULL DEFAULT 5000 CHECK (buffer_m BETWEEN 100 AND 100000);
