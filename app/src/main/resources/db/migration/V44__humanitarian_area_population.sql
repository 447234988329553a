-- The population of an area, so that reach can be compared with the people who live there (a warning when
-- more are reached in a sector than the area holds). A figure is never changed in place: a new one supersedes
-- the current one, and the superseded rows stay as the audit trail (who entered what, when, from which source).
-- Seeded figures belong to no process (process_id NULL) and hold for every process; a coordinator's figure is
-- entered for one process and holds for that process only, in place of the seeded one.
CREATE TABLE hum_area_population (
    id             bigserial PRIMARY KEY,
    process_id     bigint REFERENCES process (id),
    area_pcode     text NOT NULL REFERENCES hum_area (pcode),
    population     bigint NOT NULL CHECK (population >= 0),
    reference_date date NOT NULL,
    source         text NOT NULL CHECK (length(trim(source)) > 0),
    source_url     text,
    licence        text NOT NULL CHECK (length(trim(licence)) > 0),
    entered_by     bigint REFERENCES account (id),
    entered_at     timestamptz NOT NULL DEFAULT now(),
    superseded_by  bigint REFERENCES account (id),
    superseded_at  timestamptz
);
-- One current figure per area for the seed and per area and process for each process.
CREATE UNIQUE INDEX hum_area_population_current ON hum_area_population (coalesce(process_id, 0), area_pcode) WHERE superseded_at IS NULL;
CREATE INDEX hum_area_population_area ON hum_area_population (area_pcode, entered_at);

-- Admin-1: the State Statistics Service of Ukraine, "Total resident population as of January 1, 2021"
-- (https://ukrstat.gov.ua/imf/arhiv/nas/nas2021_e.htm), published in thousands with one decimal, so each figure
-- here is the published one times 1,000 (exact to the hundred, as published). The table excludes the
-- temporarily occupied Autonomous Republic of Crimea and Sevastopol, so those two have no seeded figure, and
-- its Donetsk and Luhansk figures are estimates from registration data that include areas outside the
-- government's control since 2014. The 25 figures add up to the table's total for Ukraine, 41,418.7 thousand.
-- Official statistics of Ukraine, public information; reuse with attribution to the State Statistics Service.
INSERT INTO hum_area_population (area_pcode, population, reference_date, source, source_url, licence)
SELECT pcode, thousands_x10 * 100, DATE '2021-01-01',
       'State Statistics Service of Ukraine: total resident population as of 1 January 2021 (thousand persons, one decimal)',
       'https://ukrstat.gov.ua/imf/arhiv/nas/nas2021_e.htm',
       'Official statistics of Ukraine (public information); attribution to the State Statistics Service of Ukraine'
FROM (VALUES ('UA05', 15220), ('UA07', 10247), ('UA12', 31387), ('UA14', 40874), ('UA18', 11963), ('UA21', 12473),
             ('UA23', 16657), ('UA26', 13584), ('UA32', 17827), ('UA35', 9137), ('UA44', 21167), ('UA46', 24794),
             ('UA48', 11077), ('UA51', 23571), ('UA53', 13637), ('UA56', 11474), ('UA59', 10513), ('UA61', 10273),
             ('UA63', 26182), ('UA65', 10153), ('UA68', 12406), ('UA71', 11746), ('UA73', 8935), ('UA74', 9681),
             ('UA80', 29209)) AS t (pcode, thousands_x10);

-- Admin-2, where an official table by the current raions was found: Ternopil Oblast's three raions, resident
-- population as of 1 January 2022 (preliminary), from the Main Statistics Office in Ternopil Oblast, part of the
-- State Statistics Service (https://te.ukrstat.gov.ua/files/DS/arxivDS/DS1_202112.htm). The three add up to
-- the oblast's 1,018,462 in the same table (a later date than the oblast's seeded figure above).
INSERT INTO hum_area_population (area_pcode, population, reference_date, source, source_url, licence)
SELECT pcode, people, DATE '2022-01-01',
       'Main Statistics Office in Ternopil Oblast (State Statistics Service of Ukraine): resident population by raion as of 1 January 2022, preliminary',
       'https://te.ukrstat.gov.ua/files/DS/arxivDS/DS1_202112.htm',
       'Official statistics of Ukraine (public information); attribution to the State Statistics Service of Ukraine'
FROM (VALUES ('UA6102', 140013), ('UA6104', 556821), ('UA6106', 321628)) AS t (pcode, people);

-- Admin-2 in Chernivtsi Oblast: present population of its three raions as of 1 January 2022, in thousands with
-- one decimal, from the State Statistics Service's atlas of the administrative division on its census site
-- (http://db.ukrcensus.gov.ua/dw_atlas_2021/chapter_1_1.ASP?id_ter=23); each figure is the published one times
-- 1,000. The three add up to the oblast's 890.5 thousand in the same table.
INSERT INTO hum_area_population (area_pcode, population, reference_date, source, source_url, licence)
SELECT pcode, thousands_x10 * 100, DATE '2022-01-01',
       'State Statistics Service of Ukraine, atlas of the administrative division: present population by raion as of 1 January 2022 (thousand persons, one decimal)',
       'http://db.ukrcensus.gov.ua/dw_atlas_2021/chapter_1_1.ASP?id_ter=23',
       'Official statistics of Ukraine (public information); attribution to the State Statistics Service of Ukraine'
FROM (VALUES ('UA7302', 896), ('UA7304', 1522), ('UA7306', 6487)) AS t (pcode, thousands_x10);
