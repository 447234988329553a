-- The newest events matching the dashboard's filters (the map's 5,000, the list's 100) and the open events near a
-- new report in time and place are found in the indexes alone (index-only scans, filters on the included columns),
-- then only the rows found are read from the table. Without this, a filter on a category or a region read every
-- event of the time span from the table to test it: 0.4 s for the map of one category at 5 M events.
-- The id is a key column so that "newest first, then by id" is the index's own order.

DROP INDEX monitoring_event_process_time;
CREATE INDEX monitoring_event_process_time ON monitoring_event (process_id, first_at, id)
    INCLUDE (state, category, admin1, attributed_party_id, last_at, latitude, longitude);

DROP INDEX monitoring_event_process_state_time;
CREATE INDEX monitoring_event_process_state_time ON monitoring_event (process_id, state, first_at, id)
    INCLUDE (category, admin1, attributed_party_id);
