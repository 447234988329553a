-- The observers who serve a process, each in a team: only they file reports there, see its unverified events,
-- verify, import and record sightings. Mediators of the process add and remove them; a removed observer's
-- reports stay, with their author.

CREATE TABLE monitoring_observer (
    process_id  bigint NOT NULL REFERENCES process (id),
    account_id  bigint NOT NULL REFERENCES account (id),
    team        text,
    added_by    bigint REFERENCES account (id),
    added_at    timestamptz NOT NULL,
    PRIMARY KEY (process_id, account_id)
);
CREATE INDEX monitoring_observer_account ON monitoring_observer (account_id);

-- Observers who already worked in a process serve it.
INSERT INTO monitoring_observer (process_id, account_id, team, added_at)
SELECT w.process_id, w.account_id, max(w.team), now()
FROM (SELECT process_id, author_account AS account_id, team FROM monitoring_report WHERE author_account IS NOT NULL
      UNION ALL SELECT process_id, observer, NULL FROM monitoring_sighting
      UNION ALL SELECT e.process_id, s.account_id, NULL FROM monitoring_event_step s JOIN monitoring_event e ON e.id = s.event_id
                WHERE s.account_id IS NOT NULL) w
JOIN account a ON a.id = w.account_id AND a.role = 'OBSERVER'
GROUP BY w.process_id, w.account_id;

-- How a process groups reports into events (distance and time), and what counts as a spike: set by its mediators;
-- without a row, the installation's defaults (parley.monitoring.*) apply.
CREATE TABLE monitoring_settings (
    process_id      bigint PRIMARY KEY REFERENCES process (id),
    group_km        double precision NOT NULL CHECK (group_km > 0 AND group_km <= 50),
    group_minutes   int NOT NULL CHECK (group_minutes > 0 AND group_minutes <= 1440),
    spike_factor    double precision NOT NULL CHECK (spike_factor >= 1 AND spike_factor <= 100),
    changed_by      bigint REFERENCES account (id),
    changed_at      timestamptz NOT NULL
);
