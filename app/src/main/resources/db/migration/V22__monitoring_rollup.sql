-- Dashboard counts at scale: events per process, UTC hour, state, category, admin-1 area and attributed party,
-- kept by a trigger in the same transaction as every change of an event (insert, regroup, merge, split,
-- decision, delete). The dashboard sums at most 28 days x 24 hours of these rows instead of counting events.

CREATE TABLE monitoring_event_hourly (
    process_id  bigint NOT NULL,
    at_hour     timestamp NOT NULL,      -- the UTC hour the events began in
    state       text NOT NULL,
    category    text NOT NULL,
    admin1      text NOT NULL,           -- '' when not known
    party_id    bigint NOT NULL,         -- 0 when not attributed
    events      int NOT NULL,
    PRIMARY KEY (process_id, at_hour, state, category, admin1, party_id)
);

CREATE FUNCTION monitoring_event_hourly_add(p bigint, t timestamptz, s text, c text, a text, party bigint, d int) RETURNS void AS $$
BEGIN
    INSERT INTO monitoring_event_hourly AS h (process_id, at_hour, state, category, admin1, party_id, events)
    VALUES (p, date_trunc('hour', t AT TIME ZONE 'UTC'), s, c, coalesce(a, ''), coalesce(party, 0), d)
    ON CONFLICT (process_id, at_hour, state, category, admin1, party_id) DO UPDATE SET events = h.events + EXCLUDED.events;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION monitoring_event_hourly_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.process_id = NEW.process_id AND OLD.first_at = NEW.first_at AND OLD.state = NEW.state
            AND OLD.category = NEW.category AND OLD.admin1 IS NOT DISTINCT FROM NEW.admin1
            AND OLD.attributed_party_id IS NOT DISTINCT FROM NEW.attributed_party_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM monitoring_event_hourly_add(OLD.process_id, OLD.first_at, OLD.state, OLD.category, OLD.admin1, OLD.attributed_party_id, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM monitoring_event_hourly_add(NEW.process_id, NEW.first_at, NEW.state, NEW.category, NEW.admin1, NEW.attributed_party_id, 1);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER monitoring_event_hourly AFTER INSERT OR UPDATE OR DELETE ON monitoring_event
    FOR EACH ROW EXECUTE FUNCTION monitoring_event_hourly_keep();

INSERT INTO monitoring_event_hourly (process_id, at_hour, state, category, admin1, party_id, events)
SELECT process_id, date_trunc('hour', first_at AT TIME ZONE 'UTC'), state, category, coalesce(admin1, ''), coalesce(attributed_party_id, 0), count(*)
FROM monitoring_event GROUP BY 1, 2, 3, 4, 5, 6;

-- spike alerts become notifications for the mediators of the process: each mediator marks them read
CREATE TABLE monitoring_alert_read (
    alert_id    bigint NOT NULL REFERENCES monitoring_alert (id),
    account_id  bigint NOT NULL REFERENCES account (id),
    read_at     timestamptz NOT NULL,
    PRIMARY KEY (alert_id, account_id)
);
