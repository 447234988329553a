-- Humanitarian assistance: OCHA-style areas, organisations, needs, 4W activities, deliveries and convoys,
-- corridors and pauses, Black Sea Grain Initiative voyages, exchanges and funding flows.

-- Admin-1 areas of Ukraine from ../shared/data/real/ukraine-admin1.geojson (OpenStreetMap, ODbL). The P-code
-- follows OCHA's COD-AB convention for Ukraine: "UA" and the first two digits of the area's KOATUU code, which
-- the file gives. Kyiv city and Sevastopol are not separate features in the file, so they are not seeded; no
-- admin-2 data exists there, so no admin-2 areas are seeded.
CREATE TABLE hum_area (
    pcode      text PRIMARY KEY,
    iso_code   text NOT NULL UNIQUE,
    koatuu     text NOT NULL,
    admin_level int NOT NULL DEFAULT 1,
    name_en    text NOT NULL,
    name_uk    text NOT NULL,
    name_ru    text NOT NULL
);
INSERT INTO hum_area (pcode, iso_code, koatuu, name_en, name_uk, name_ru) VALUES
    ('UA05', 'UA-05', '0500000000', 'Vinnytsia Oblast', 'Вінницька область', 'Винницкая область'),
    ('UA07', 'UA-07', '0700000000', 'Volyn Oblast', 'Волинська область', 'Волынская область'),
    ('UA44', 'UA-09', '4400000000', 'Luhansk Oblast', 'Луганська область', 'Луганская область'),
    ('UA12', 'UA-12', '1200000000', 'Dnipropetrovsk Oblast', 'Дніпропетровська область', 'Днепропетровская область'),
    ('UA14', 'UA-14', '1400000000', 'Donetsk Oblast', 'Донецька область', 'Донецкая область'),
    ('UA18', 'UA-18', '1800000000', 'Zhytomyr Oblast', 'Житомирська область', 'Житомирская область'),
    ('UA21', 'UA-21', '2100000000', 'Zakarpattia Oblast', 'Закарпатська область', 'Закарпатская область'),
    ('UA23', 'UA-23', '2300000000', 'Zaporizhia Oblast', 'Запорізька область', 'Запорожская область'),
    ('UA26', 'UA-26', '2600000000', 'Ivano-Frankivsk Oblast', 'Івано-Франківська область', 'Ивано-Франковская область'),
    ('UA32', 'UA-32', '3200000000', 'Kiev Oblast', 'Київська область', 'Киевская область'),
    ('UA35', 'UA-35', '3500000000', 'Kirovohrad Oblast', 'Кіровоградська область', 'Кировоградская область'),
    ('UA01', 'UA-43', '0100000000', 'Autonomous Republic of Crimea', 'Автономна Республіка Крим', 'Автономная Республика Крым'),
    ('UA46', 'UA-46', '4600000000', 'Lviv Oblast', 'Львівська область', 'Львовская область'),
    ('UA48', 'UA-48', '4800000000', 'Mykolaiv Oblast', 'Миколаївська область', 'Николаевская область'),
    ('UA51', 'UA-51', '5100000000', 'Odessa Oblast', 'Одеська область', 'Одесская область'),
    ('UA53', 'UA-53', '5300000000', 'Poltava Oblast', 'Полтавська область', 'Полтавская область'),
    ('UA56', 'UA-56', '5600000000', 'Rivne Oblast', 'Рівненська область', 'Ровненская область'),
    ('UA59', 'UA-59', '5900000000', 'Sumy Oblast', 'Сумська область', 'Сумская область'),
    ('UA61', 'UA-61', '6100000000', 'Ternopil Oblast', 'Тернопільська область', 'Тернопольская область'),
    ('UA63', 'UA-63', '6300000000', 'Kharkiv Oblast', 'Харківська область', 'Харьковская область'),
    ('UA65', 'UA-65', '6500000000', 'Kherson Oblast', 'Херсонська область', 'Херсонская область'),
    ('UA68', 'UA-68', '6800000000', 'Khmelnytskyi Oblast', 'Хмельницька область', 'Хмельницкая область'),
    ('UA71', 'UA-71', '7100000000', 'Cherkasy Oblast', 'Черкаська область', 'Черкасская область'),
    ('UA74', 'UA-74', '7400000000', 'Chernihiv Oblast', 'Чернігівська область', 'Черниговская область'),
    ('UA73', 'UA-77', '7300000000', 'Chernivtsi Oblast', 'Чернівецька область', 'Черновицкая область');

CREATE TABLE hum_organisation (
    id         bigserial PRIMARY KEY,
    process_id bigint NOT NULL REFERENCES process (id),
    acronym    text NOT NULL,
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('UN_AGENCY', 'RED_CROSS', 'NGO', 'GOVERNMENT', 'DONOR', 'OTHER')),
    UNIQUE (process_id, acronym)
);

CREATE TABLE hum_need (
    id              bigserial PRIMARY KEY,
    process_id      bigint NOT NULL REFERENCES process (id),
    area_pcode      text NOT NULL REFERENCES hum_area (pcode),
    sector          text NOT NULL,
    people_in_need  bigint NOT NULL CHECK (people_in_need >= 0),
    people_targeted bigint NOT NULL CHECK (people_targeted >= 0),
    period_start    date NOT NULL,
    period_end      date NOT NULL CHECK (period_end >= period_start),
    source          text NOT NULL,
    created_by      bigint REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hum_need_process ON hum_need (process_id, area_pcode, sector);

CREATE TABLE hum_delivery (
    id                bigserial PRIMARY KEY,
    process_id        bigint NOT NULL REFERENCES process (id),
    organisation_id   bigint NOT NULL REFERENCES hum_organisation (id),
    title             text NOT NULL,
    sector            text NOT NULL,
    origin            text NOT NULL,
    destination       text NOT NULL,
    destination_pcode text NOT NULL REFERENCES hum_area (pcode),
    route             text NOT NULL,
    people_to_reach   bigint NOT NULL CHECK (people_to_reach >= 0),
    planned_departure timestamptz NOT NULL,
    planned_arrival   timestamptz NOT NULL CHECK (planned_arrival >= planned_departure),
    actual_departure  timestamptz,
    actual_arrival    timestamptz,
    people_reached    bigint CHECK (people_reached >= 0),
    status            text NOT NULL CHECK (status IN ('REQUESTED', 'NOTIFIED', 'DECONFLICTED', 'UNDER_WAY', 'DELIVERED', 'BLOCKED', 'ATTACKED')),
    created_by        bigint REFERENCES account (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hum_delivery_process ON hum_delivery (process_id, status);

CREATE TABLE hum_delivery_cargo (
    delivery_id bigint NOT NULL REFERENCES hum_delivery (id),
    line_no     int NOT NULL,
    commodity   text NOT NULL,
    quantity    numeric(14, 3) NOT NULL CHECK (quantity > 0),
    unit        text NOT NULL,
    PRIMARY KEY (delivery_id, line_no)
);

CREATE TABLE hum_delivery_party (
    delivery_id     bigint NOT NULL REFERENCES hum_delivery (id),
    party_id        bigint NOT NULL REFERENCES party (id),
    notified_at     timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by bigint REFERENCES account (id),
    note            text,
    PRIMARY KEY (delivery_id, party_id)
);
CREATE INDEX hum_delivery_party_party ON hum_delivery_party (party_id);

CREATE TABLE hum_delivery_history (
    id          bigserial PRIMARY KEY,
    delivery_id bigint NOT NULL REFERENCES hum_delivery (id),
    from_status text,
    to_status   text NOT NULL,
    at          timestamptz NOT NULL,
    account_id  bigint REFERENCES account (id),
    note        text
);
CREATE INDEX hum_delivery_history_delivery ON hum_delivery_history (delivery_id, id);

-- 4W: who does what, where, when. An activity made by a delivery points back to it.
CREATE TABLE hum_activity (
    id               bigserial PRIMARY KEY,
    process_id       bigint NOT NULL REFERENCES process (id),
    organisation_id  bigint NOT NULL REFERENCES hum_organisation (id),
    sector           text NOT NULL,
    activity         text NOT NULL,
    area_pcode       text NOT NULL REFERENCES hum_area (pcode),
    period_start     date NOT NULL,
    period_end       date NOT NULL CHECK (period_end >= period_start),
    people_targeted  bigint NOT NULL DEFAULT 0 CHECK (people_targeted >= 0),
    people_reached   bigint NOT NULL CHECK (people_reached >= 0),
    reached_women    bigint CHECK (reached_women >= 0),
    reached_men      bigint CHECK (reached_men >= 0),
    reached_children bigint CHECK (reached_children >= 0),
    reached_elderly  bigint CHECK (reached_elderly >= 0),
    status           text NOT NULL CHECK (status IN ('PLANNED', 'ONGOING', 'COMPLETED')),
    delivery_id      bigint REFERENCES hum_delivery (id),
    created_at       timestamptz NOT NULL DEFAULT now()
);
-- The gap aggregation: reached per area and sector of a process, read from the index alone.
CREATE INDEX hum_activity_gaps ON hum_activity (process_id, area_pcode, sector) INCLUDE (people_reached);

CREATE TABLE hum_corridor (
    id             bigserial PRIMARY KEY,
    process_id     bigint NOT NULL REFERENCES process (id),
    source_ref     text,
    proposer       text NOT NULL,
    proposer_party_id bigint REFERENCES party (id),
    purpose        text NOT NULL CHECK (purpose IN ('EVACUATION', 'AID', 'EVACUATION_AND_AID')),
    from_name      text NOT NULL,
    to_name        text NOT NULL,
    from_region    text,
    to_region      text,
    to_country     text,
    from_lat       double precision,
    from_lon       double precision,
    to_lat         double precision,
    to_lon         double precision,
    route          text,
    window_start   timestamptz NOT NULL,
    window_end     timestamptz,
    outcome        text NOT NULL CHECK (outcome IN ('SUCCESSFUL', 'UNSUCCESSFUL', 'DISPUTED', 'UNKNOWN')),
    outcome_reason text,
    outcome_override boolean NOT NULL DEFAULT false,
    source_link    text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (window_end IS NULL OR window_end >= window_start),
    UNIQUE (process_id, source_ref)
);
CREATE INDEX hum_corridor_process ON hum_corridor (process_id, window_start);

CREATE TABLE hum_corridor_party (
    corridor_id bigint NOT NULL REFERENCES hum_corridor (id),
    party_id    bigint NOT NULL REFERENCES party (id),
    agreed_at   timestamptz NOT NULL,
    account_id  bigint REFERENCES account (id),
    PRIMARY KEY (corridor_id, party_id)
);

CREATE TABLE hum_voyage (
    id                 bigserial PRIMARY KEY,
    process_id         bigint NOT NULL REFERENCES process (id),
    voyage_no          int NOT NULL,
    vessel             text NOT NULL,
    imo                text,
    departure_port     text NOT NULL,
    departure_date     date NOT NULL,
    inspection_cleared date,
    wfp                boolean NOT NULL DEFAULT false,
    UNIQUE (process_id, voyage_no)
);

CREATE TABLE hum_voyage_cargo (
    voyage_id   bigint NOT NULL REFERENCES hum_voyage (id),
    line_no     int NOT NULL,
    destination text NOT NULL,
    commodity   text NOT NULL,
    tonnes      bigint NOT NULL CHECK (tonnes >= 0),
    PRIMARY KEY (voyage_id, line_no)
);

CREATE TABLE hum_exchange (
    id              bigserial PRIMARY KEY,
    process_id      bigint NOT NULL REFERENCES process (id),
    kind            text NOT NULL CHECK (kind IN ('PRISONERS_OF_WAR', 'CIVILIANS', 'REMAINS')),
    title           text NOT NULL,
    side_a_party_id bigint NOT NULL REFERENCES party (id),
    side_b_party_id bigint NOT NULL REFERENCES party (id),
    agreed_a        int NOT NULL CHECK (agreed_a >= 0),
    agreed_b        int NOT NULL CHECK (agreed_b >= 0),
    verifier_id     bigint REFERENCES hum_organisation (id),
    milestone_id    bigint REFERENCES milestone (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (side_a_party_id <> side_b_party_id)
);

CREATE TABLE hum_exchange_round (
    id          bigserial PRIMARY KEY,
    exchange_id bigint NOT NULL REFERENCES hum_exchange (id),
    round_no    int NOT NULL,
    held_on     date NOT NULL,
    released_a  int NOT NULL CHECK (released_a >= 0),
    released_b  int NOT NULL CHECK (released_b >= 0),
    verified_by bigint REFERENCES hum_organisation (id),
    UNIQUE (exchange_id, round_no)
);

-- Funding flows in FTS/IATI terms: a pledge, a commitment or a disbursement from a donor to a recipient.
CREATE TABLE hum_funding (
    id           bigserial PRIMARY KEY,
    process_id   bigint NOT NULL REFERENCES process (id),
    donor        text NOT NULL,
    recipient    text NOT NULL,
    flow         text NOT NULL CHECK (flow IN ('PLEDGE', 'COMMITMENT', 'DISBURSEMENT')),
    amount_usd   numeric(16, 2) NOT NULL CHECK (amount_usd > 0),
    sector       text,
    flow_date    date NOT NULL,
    description  text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hum_funding_process ON hum_funding (process_id, donor, recipient);

-- Reached per process, area and sector, kept by statement-level triggers so that the gaps view reads a few
-- hundred rows however many activities there are (see docs/PERFORMANCE.md).
CREATE TABLE hum_activity_total (
    process_id     bigint NOT NULL,
    area_pcode     text NOT NULL,
    sector         text NOT NULL,
    people_reached bigint NOT NULL,
    activities     bigint NOT NULL,
    PRIMARY KEY (process_id, area_pcode, sector)
);

CREATE FUNCTION hum_activity_total_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO hum_activity_total AS t (process_id, area_pcode, sector, people_reached, activities)
    SELECT process_id, area_pcode, sector, sum(people_reached), count(*) FROM hum_new_rows GROUP BY 1, 2, 3
    ON CONFLICT (process_id, area_pcode, sector) DO UPDATE
        SET people_reached = t.people_reached + EXCLUDED.people_reached, activities = t.activities + EXCLUDED.activities;
    RETURN NULL;
END $$;

CREATE FUNCTION hum_activity_total_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hum_activity_total t SET people_reached = t.people_reached - d.reached, activities = t.activities - d.n
    FROM (SELECT process_id, area_pcode, sector, sum(people_reached) AS reached, count(*) AS n FROM hum_old_rows GROUP BY 1, 2, 3) d
    WHERE t.process_id = d.process_id AND t.area_pcode = d.area_pcode AND t.sector = d.sector;
    RETURN NULL;
END $$;

CREATE FUNCTION hum_activity_total_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hum_activity_total t SET people_reached = t.people_reached - d.reached, activities = t.activities - d.n
    FROM (SELECT process_id, area_pcode, sector, sum(people_reached) AS reached, count(*) AS n FROM hum_old_rows GROUP BY 1, 2, 3) d
    WHERE t.process_id = d.process_id AND t.area_pcode = d.area_pcode AND t.sector = d.sector;
    INSERT INTO hum_activity_total AS t (process_id, area_pcode, sector, people_reached, activities)
    SELECT process_id, area_pcode, sector, sum(people_reached), count(*) FROM hum_new_rows GROUP BY 1, 2, 3
    ON CONFLICT (process_id, area_pcode, sector) DO UPDATE
        SET people_reached = t.people_reached + EXCLUDED.people_reached, activities = t.activities + EXCLUDED.activities;
    RETURN NULL;
END $$;

CREATE TRIGGER hum_activity_inserted AFTER INSERT ON hum_activity REFERENCING NEW TABLE AS hum_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hum_activity_total_add();
CREATE TRIGGER hum_activity_deleted AFTER DELETE ON hum_activity REFERENCING OLD TABLE AS hum_old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hum_activity_total_remove();
CREATE TRIGGER hum_activity_updated AFTER UPDATE ON hum_activity REFERENCING OLD TABLE AS hum_old_rows NEW TABLE AS hum_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hum_activity_total_change();
