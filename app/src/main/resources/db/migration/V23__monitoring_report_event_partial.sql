-- Reports imported from outside sources belong to no event: leave them out of the event index, so a large
-- import maintains one index fewer per row (look-ups by event_id = ? still use this partial index).
DROP INDEX monitoring_report_event;
CREATE INDEX monitoring_report_event ON monitoring_report (event_id) WHERE event_id IS NOT NULL;
