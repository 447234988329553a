-- The hourly roll-up (V22) had nearly one row per event at realistic densities (hours x states x categories x
-- areas), so summing it cost as much as counting the events. Replaced by a daily roll-up, kept the same way
-- (a trigger, in the transaction of every change of an event); the parts of a day at either end of a span
-- (the last 24 hours) are counted from the events through a covering index.

DROP TRIGGER monitoring_event_hourly ON monitoring_event;
DROP FUNCTION monitoring_event_hourly_keep();
DROP FUNCTION monitoring_event_hourly_add(bigint, timestamptz, text, text, text, bigint, int);
DROP TABLE monitoring_event_hourly;

CREATE TABLE monitoring_event_daily (
    process_id  bigint NOT NULL,
    day         date NOT NULL,           -- the UTC day the events began on
    state       text NOT NULL,
    category    text NOT NULL,
    admin1      text NOT NULL,           -- '' when not known
    party_id    bigint NOT NULL,         -- 0 when not attributed
    events      int NOT NULL,
    PRIMARY KEY (process_id, day, state, category, admin1, party_id)
);

CREATE FUNCTION monitoring_event_daily_add(p bigint, t timestamptz, s text, c text, a text, party bigint, d int) RETURNS void AS $$
BEGIN
    INSERT INTO monitoring_event_daily AS h (process_id, day, state, category, admin1, party_id, events)
    VALUES (p, (t AT TIME ZONE 'UTC')::date, s, c, coalesce(a, ''), coalesce(party, 0), d)
    ON CONFLICT (process_id, day, state, category, admin1, party_id) DO UPDATE SET events = h.events + EXCLUDED.events;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION monitoring_event_daily_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.process_id = NEW.process_id AND OLD.first_at = NEW.first_at AND OLD.state = NEW.state
            AND OLD.category = NEW.category AND OLD.admin1 IS NOT DISTINCT FROM NEW.admin1
            AND OLD.attributed_party_id IS NOT DISTINCT FROM NEW.attributed_party_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM monitoring_event_daily_add(OLD.process_id, OLD.first_at, OLD.state, OLD.category, OLD.admin1, OLD.attributed_party_id, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM monitoring_event_daily_add(NEW.process_id, NEW.first_at, NEW.state, NEW.category, NEW.admin1, NEW.attributed_party_id, 1);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER monitoring_event_daily AFTER INSERT OR UPDATE OR DELETE ON monitoring_event
    FOR EACH ROW EXECUTE FUNCTION monitoring_event_daily_keep();

INSERT INTO monitoring_event_daily (process_id, day, state, category, admin1, party_id, events)
SELECT process_id, (first_at AT TIME ZONE 'UTC')::date, state, category, coalesce(admin1, ''), coalesce(attributed_party_id, 0), count(*)
FROM monitoring_event GROUP BY 1, 2, 3, 4, 5, 6;

-- the part-day counts (and the events list, the map) read the events by process and time; with the filter
-- columns included, the counts need not visit the table
DROP INDEX monitoring_event_process_time;
CREATE INDEX monitoring_event_process_time ON monitoring_event (process_id, first_at) INCLUDE (state, category, admin1, attributed_party_id);
