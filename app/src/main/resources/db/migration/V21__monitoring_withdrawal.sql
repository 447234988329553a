-- Withdrawal verification: parties declare holdings and storage sites of weapon classes; mediators set
-- withdrawal zones (a distance from the contact line per weapon class); observers record sightings.

CREATE TABLE monitoring_weapon_site (
    id              bigserial PRIMARY KEY,
    process_id      bigint NOT NULL REFERENCES process (id),
    party_id        bigint NOT NULL REFERENCES party (id),
    name            text NOT NULL,
    weapon_class    text NOT NULL,
    declared_count  int NOT NULL,
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    declared_by     bigint NOT NULL REFERENCES account (id),
    declared_at     timestamptz NOT NULL
);
CREATE INDEX monitoring_weapon_site_process ON monitoring_weapon_site (process_id);

CREATE TABLE monitoring_withdrawal_zone (
    id            bigserial PRIMARY KEY,
    process_id    bigint NOT NULL REFERENCES process (id),
    name          text NOT NULL,
    weapon_class  text NOT NULL,
    line          text NOT NULL,            -- the contact line, GeoJSON coordinates [[lon, lat], ...]
    distance_km   double precision NOT NULL,
    starts_at     timestamptz NOT NULL
);
CREATE INDEX monitoring_withdrawal_zone_process ON monitoring_withdrawal_zone (process_id);

CREATE TABLE monitoring_sighting (
    id             bigserial PRIMARY KEY,
    process_id     bigint NOT NULL REFERENCES process (id),
    observer       bigint NOT NULL REFERENCES account (id),
    observer_name  text NOT NULL,
    weapon_class   text NOT NULL,
    seen_count     int NOT NULL,
    latitude       double precision NOT NULL,
    longitude      double precision NOT NULL,
    observed_at    timestamptz NOT NULL,
    site_id        bigint REFERENCES monitoring_weapon_site (id),
    party_id       bigint REFERENCES party (id),
    note           text,
    discrepancy    text,                     -- IN_RESTRICTED_ZONE, MISSING_FROM_SITE or null
    zone_id        bigint REFERENCES monitoring_withdrawal_zone (id),
    missing        int
);
CREATE INDEX monitoring_sighting_process ON monitoring_sighting (process_id, observed_at);
