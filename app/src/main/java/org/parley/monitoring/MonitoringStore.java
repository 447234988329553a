package org.parley.monitoring;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The monitoring tables, in SQL. */
@Repository
class MonitoringStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Categories categories;

    MonitoringStore(JdbcClient jdbc, Categories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** The category a row names, in the row's process. */
    private Category category(ResultSet rs) throws SQLException {
        return categories.get(rs.getLong("process_id"), rs.getString("category"));
    }

    void lockProcess(long processId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(0x4d4f4e, (int) processId).query(Object.class).single();
    }

    // --- reports

    static final String REPORT_COLUMNS = "r.id, r.process_id, r.client_id, r.author_account, r.author_name, r.team, r.observed_from, "
            + "r.observed_to, r.latitude, r.longitude, r.precision_m, r.place, r.admin1, r.admin2, r.category, r.quantity, r.direction, "
            + "r.distance_m, r.weapon, r.alleged_party_id, r.alleged_by, r.killed_civilian, r.killed_military, r.injured_civilian, "
            + "r.injured_military, r.sources, r.confidence, r.description, r.language, r.event_id, r.created_at";

    final RowMapper<Report> report = (rs, n) -> new Report(rs.getLong("id"), rs.getLong("process_id"),
            rs.getString("client_id"), longOrNull(rs, "author_account"), rs.getString("author_name"), rs.getString("team"),
            instant(rs, "observed_from"), instant(rs, "observed_to"), doubleOrNull(rs, "latitude"), doubleOrNull(rs, "longitude"),
            intOrNull(rs, "precision_m"), rs.getString("place"), rs.getString("admin1"), rs.getString("admin2"),
            category(rs), intOrNull(rs, "quantity"), rs.getString("direction"),
            intOrNull(rs, "distance_m"), rs.getString("weapon"), longOrNull(rs, "alleged_party_id"), rs.getString("alleged_by"),
            intOrNull(rs, "killed_civilian"), intOrNull(rs, "killed_military"), intOrNull(rs, "injured_civilian"), intOrNull(rs, "injured_military"),
            rs.getString("sources"), rs.getString("confidence"), rs.getString("description"), rs.getString("language"), longOrNull(rs, "event_id"),
            instant(rs, "created_at"), List.of());

    long insertReport(long processId, NewReport r, Category category, String admin1, Long authorAccount, String authorName) {
        return jdbc.sql("""
                        INSERT INTO monitoring_report (process_id, client_id, author_account, author_name, team, observed_from, observed_to,
                          latitude, longitude, precision_m, place, admin1, admin2, category, quantity, direction, distance_m, weapon,
                          alleged_party_id, alleged_by, killed_civilian, killed_military, injured_civilian, injured_military, sources,
                          confidence, description, language)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
                .params(processId, blankToNull(r.clientId()), authorAccount, authorName, blankToNull(r.team()), ts(r.observedFrom()),
                        ts(r.observedTo()), r.latitude(), r.longitude(), r.precisionM(), blankToNull(r.place()), admin1,
                        blankToNull(r.admin2()), category.name(), r.quantity(), blankToNull(r.direction()), r.distanceM(),
                        blankToNull(r.weapon()), r.allegedPartyId(), blankToNull(r.allegedBy()), r.killedCivilian(), r.killedMilitary(),
                        r.injuredCivilian(), r.injuredMilitary(), blankToNull(r.sources()), blankToNull(r.confidence()),
                        blankToNull(r.description()), blankToNull(r.language()))
                .query(Long.class).single();
    }

    void updateReport(long id, NewReport r, Category category, String admin1) {
        jdbc.sql("""
                        UPDATE monitoring_report SET team = ?, observed_from = ?, observed_to = ?, latitude = ?, longitude = ?, precision_m = ?,
                          place = ?, admin1 = ?, admin2 = ?, category = ?, quantity = ?, direction = ?, distance_m = ?, weapon = ?,
                          alleged_party_id = ?, alleged_by = ?, killed_civilian = ?, killed_military = ?, injured_civilian = ?,
                          injured_military = ?, sources = ?, confidence = ?, description = ?, language = ? WHERE id = ?""")
                .params(blankToNull(r.team()), ts(r.observedFrom()), ts(r.observedTo()), r.latitude(), r.longitude(), r.precisionM(),
                        blankToNull(r.place()), admin1, blankToNull(r.admin2()), category.name(), r.quantity(), blankToNull(r.direction()),
                        r.distanceM(), blankToNull(r.weapon()), r.allegedPartyId(), blankToNull(r.allegedBy()), r.killedCivilian(),
                        r.killedMilitary(), r.injuredCivilian(), r.injuredMilitary(), blankToNull(r.sources()), blankToNull(r.confidence()),
                        blankToNull(r.description()), blankToNull(r.language()), id)
                .update();
    }

    Optional<Report> report(long id) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM monitoring_report r WHERE r.id = ?").param(id).query(report).optional()
                .map(r -> r.withAttachments(attachments(r.id())));
    }

    Optional<Report> reportByClientId(long authorAccount, String clientId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM monitoring_report r WHERE r.author_account = ? AND r.client_id = ?")
                .params(authorAccount, clientId).query(report).optional();
    }

    List<Report> reports(long processId, int limit) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM monitoring_report r WHERE r.process_id = ? "
                + "ORDER BY r.observed_from DESC, r.id DESC LIMIT ?").params(processId, limit).query(report).list();
    }

    List<Report> reportsOfEvent(long eventId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM monitoring_report r WHERE r.event_id = ? ORDER BY r.observed_from, r.id")
                .param(eventId).query(report).list();
    }

    void setReportEvent(long reportId, Long eventId) {
        jdbc.sql("UPDATE monitoring_report SET event_id = ? WHERE id = ?").params(eventId, reportId).update();
    }

    List<Report> reportsOfOpenEvents(long processId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM monitoring_report r JOIN monitoring_event e ON e.id = r.event_id "
                        + "WHERE e.process_id = ? AND e.state IN ('REPORTED', 'CORROBORATED') ORDER BY r.id")
                .param(processId).query(report).list();
    }

    void detachAndDeleteEvents(List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Long[] ids = eventIds.toArray(Long[]::new);
        jdbc.sql("UPDATE monitoring_report SET event_id = NULL WHERE event_id = ANY (?)").param(ids).update();
        jdbc.sql("DELETE FROM monitoring_event_step WHERE event_id = ANY (?)").param(ids).update();
        jdbc.sql("DELETE FROM monitoring_event WHERE id = ANY (?)").param(ids).update();
    }

    void assign(long[] reportIds, long[] eventIds) {
        if (reportIds.length == 0) {
            return;
        }
        jdbc.sql("UPDATE monitoring_report r SET event_id = a.e FROM unnest(?::bigint[], ?::bigint[]) AS a(r, e) WHERE r.id = a.r")
                .params(java.util.Arrays.stream(reportIds).boxed().toArray(Long[]::new), java.util.Arrays.stream(eventIds).boxed().toArray(Long[]::new))
                .update();
    }

    void moveReports(long fromEvent, long toEvent) {
        jdbc.sql("UPDATE monitoring_report SET event_id = ? WHERE event_id = ?").params(toEvent, fromEvent).update();
    }

    long insertAttachment(long reportId, String fileName, String contentType, byte[] content, String sha256) {
        return jdbc.sql("INSERT INTO monitoring_attachment (report_id, file_name, content_type, size_bytes, sha256, content) "
                        + "VALUES (?,?,?,?,?,?) RETURNING id")
                .params(reportId, fileName, contentType, content.length, sha256, content).query(Long.class).single();
    }

    /** The attachments of some reports, by report. */
    Map<Long, List<Report.Attachment>> attachmentsOf(List<Long> reportIds) {
        Map<Long, List<Report.Attachment>> m = new java.util.HashMap<>();
        if (reportIds.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT report_id, id, file_name, content_type, size_bytes, sha256 FROM monitoring_attachment WHERE report_id = ANY (?) ORDER BY id")
                .param(reportIds.toArray(Long[]::new))
                .query((rs, n) -> m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Report.Attachment(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)))).list();
        return m;
    }

    Optional<Monitoring.File> attachmentContent(long reportId, long attachmentId) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256, content FROM monitoring_attachment WHERE report_id = ? AND id = ?")
                .params(reportId, attachmentId).query((rs, n) -> new Monitoring.File(new Report.Attachment(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5)), rs.getBytes(6))).optional();
    }

    List<Report.Attachment> attachments(long reportId) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256 FROM monitoring_attachment WHERE report_id = ? ORDER BY id")
                .param(reportId).query((rs, n) -> new Report.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))).list();
    }

    // --- events

    static final String EVENT_COLUMNS = "e.id, e.process_id, e.category, e.state, e.first_at, e.last_at, e.latitude, e.longitude, e.admin1, "
            + "e.observers, e.reports, e.attributed_party_id, e.decided_by_name, e.decision_reason, e.decided_at";

    final RowMapper<Event> event = eventMapper(this::category);

    /**
     * Events for readers outside this store that have no {@link Categories} at hand ({@link VerifiedIncidents}): built-in
     * categories in full, added ones by their code.
     */
    static final RowMapper<Event> EVENT = eventMapper(rs -> Category.codeOnly(rs.getString("category")));

    interface CategoryOf {
        Category of(ResultSet rs) throws SQLException;
    }

    private static RowMapper<Event> eventMapper(CategoryOf category) {
        return (rs, n) -> new Event(rs.getLong("id"), rs.getLong("process_id"), category.of(rs), EventState.valueOf(rs.getString("state")),
                instant(rs, "first_at"), instant(rs, "last_at"), rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("admin1"),
                rs.getInt("observers"), rs.getInt("reports"), longOrNull(rs, "attributed_party_id"), rs.getString("decided_by_name"),
                rs.getString("decision_reason"), instant(rs, "decided_at"));
    }

    long insertEvent(long processId, Category category, Instant at, double lat, double lon, String admin1) {
        return jdbc.sql("INSERT INTO monitoring_event (process_id, category, first_at, last_at, latitude, longitude, admin1) "
                        + "VALUES (?,?,?,?,?,?,?) RETURNING id")
                .params(processId, category.name(), ts(at), ts(at), lat, lon, admin1).query(Long.class).single();
    }

    Optional<Event> event(long id) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM monitoring_event e WHERE e.id = ?").param(id).query(event).optional();
    }

    /**
     * Open events of a process whose time span comes within {@code windowMinutes} of [from, to] and whose place is in the box:
     * found in the covering index on process and time, then read.
     */
    List<Event> candidates(long processId, Instant from, Instant to, int windowMinutes, double latMin, double latMax, double lonMin, double lonMax) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM monitoring_event e WHERE e.id IN (SELECT c.id FROM monitoring_event c "
                        + "WHERE c.process_id = ? AND c.state IN ('REPORTED', 'CORROBORATED') AND c.first_at <= ? AND c.first_at >= ? AND c.last_at >= ? "
                        + "AND c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ?)")
                .params(processId, ts(to.plusSeconds(windowMinutes * 60L)), ts(from.minusSeconds(windowMinutes * 60L + 86_400L)),
                        ts(from.minusSeconds(windowMinutes * 60L)), latMin, latMax, lonMin, lonMax)
                .query(event).list();
    }

    /** Recomputes an event's span, place, category and counts from its reports; false if it has none left. */
    boolean recompute(long eventId) {
        int n = jdbc.sql("""
                UPDATE monitoring_event e SET first_at = a.f, last_at = a.l, latitude = a.lat, longitude = a.lon, reports = a.n, observers = a.o,
                  category = (SELECT category FROM monitoring_report WHERE event_id = e.id GROUP BY category ORDER BY count(*) DESC, min(observed_from) LIMIT 1),
                  admin1 = (SELECT admin1 FROM monitoring_report WHERE event_id = e.id AND admin1 IS NOT NULL GROUP BY admin1 ORDER BY count(*) DESC LIMIT 1)
                FROM (SELECT min(observed_from) f, max(coalesce(observed_to, observed_from)) l, avg(latitude) lat, avg(longitude) lon, count(*) n,
                        count(DISTINCT author_account) o
                      FROM monitoring_report WHERE event_id = ?) a
                WHERE e.id = ? AND a.n > 0""").params(eventId, eventId).update();
        return n > 0;
    }

    void deleteEvent(long eventId) {
        jdbc.sql("DELETE FROM monitoring_event_step WHERE event_id = ?").param(eventId).update();
        jdbc.sql("DELETE FROM monitoring_event WHERE id = ?").param(eventId).update();
    }

    void setState(long eventId, EventState state, Long partyId, String byName, Long byAccount, String reason, Instant at) {
        jdbc.sql("UPDATE monitoring_event SET state = ?, attributed_party_id = ?, decided_by_name = ?, decided_by_account = ?, "
                        + "decision_reason = ?, decided_at = ? WHERE id = ?")
                .params(state.name(), partyId, byName, byAccount, reason, ts(at), eventId).update();
    }

    void setStateOnly(long eventId, EventState state) {
        jdbc.sql("UPDATE monitoring_event SET state = ? WHERE id = ?").params(state.name(), eventId).update();
    }

    void insertStep(long eventId, EventState from, EventState to, Long account, String name, String role, String reason, Instant at) {
        jdbc.sql("INSERT INTO monitoring_event_step (event_id, from_state, to_state, account_id, actor_name, actor_role, reason, at) "
                        + "VALUES (?,?,?,?,?,?,?,?)")
                .params(eventId, from == null ? null : from.name(), to.name(), account, name, role, reason, ts(at)).update();
    }

    List<EventStep> steps(long eventId) {
        return jdbc.sql("SELECT id, event_id, from_state, to_state, actor_name, actor_role, reason, at FROM monitoring_event_step "
                        + "WHERE event_id = ? ORDER BY at, id")
                .param(eventId).query((rs, n) -> new EventStep(rs.getLong(1), rs.getLong(2),
                        rs.getString(3) == null ? null : EventState.valueOf(rs.getString(3)), EventState.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, "at"))).list();
    }

    /** A WHERE clause and its parameters for a filter; {@code verifiedOnly} for readers who may see verified events only. */
    record Where(String sql, List<Object> params) {
    }

    Where where(long processId, EventFilter f, boolean verifiedOnly) {
        StringBuilder sql = new StringBuilder("e.process_id = ?");
        List<Object> params = new ArrayList<>(List.of(processId));
        if (verifiedOnly) {
            sql.append(" AND e.state = 'VERIFIED'");
        } else if (f.state() != null) {
            sql.append(" AND e.state = ?");
            params.add(f.state().name());
        }
        if (f.from() != null) {
            sql.append(" AND e.first_at >= ?");
            params.add(ts(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            sql.append(" AND e.first_at < ?");
            params.add(ts(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.category() != null) {
            sql.append(" AND e.category = ?");
            params.add(f.category().name());
        }
        if (f.partyId() != null) {
            sql.append(" AND e.attributed_party_id = ?");
            params.add(f.partyId());
        }
        if (f.admin1() != null && !f.admin1().isBlank()) {
            sql.append(" AND e.admin1 = ?");
            params.add(f.admin1());
        }
        return new Where(sql.toString(), params);
    }

    /**
     * The newest events of a filter: their ids from a covering index (every filter column is in one, so no row is read to
     * test it), then those rows.
     */
    List<Event> events(Where w, int limit) {
        List<Object> params = new ArrayList<>(w.params());
        params.add(limit);
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM monitoring_event e WHERE e.id IN (SELECT e.id FROM monitoring_event e WHERE " + w.sql()
                        + " ORDER BY e.first_at DESC, e.id DESC LIMIT ?) ORDER BY e.first_at DESC, e.id DESC")
                .params(params).query(event).list();
    }

    List<Dashboard.Day> daily(Where w, Instant from, Instant to) {
        List<Object> params = new ArrayList<>(w.params());
        params.add(ts(from));
        params.add(ts(to));
        return jdbc.sql("SELECT (e.first_at AT TIME ZONE 'UTC')::date AS d, count(*) AS n, count(*) FILTER (WHERE e.state = 'VERIFIED') AS v "
                        + "FROM monitoring_event e WHERE " + w.sql() + " AND e.first_at >= ? AND e.first_at < ? GROUP BY 1 ORDER BY 1")
                .params(params).query((rs, n) -> new Dashboard.Day(rs.getObject("d", LocalDate.class), rs.getInt("n"), rs.getInt("v"), 0)).list();
    }

    int count(Where w, Instant from, Instant to) {
        List<Object> params = new ArrayList<>(w.params());
        params.add(ts(from));
        params.add(ts(to));
        return jdbc.sql("SELECT count(*) FROM monitoring_event e WHERE " + w.sql() + " AND e.first_at >= ? AND e.first_at < ?")
                .params(params).query(Integer.class).single();
    }

    /** The same filter over the daily roll-up (monitoring_event_daily, kept by a trigger); days are added by the callers. */
    Where rollupWhere(long processId, EventFilter f, boolean verifiedOnly) {
        StringBuilder sql = new StringBuilder("h.process_id = ?");
        List<Object> params = new ArrayList<>(List.of(processId));
        if (verifiedOnly) {
            sql.append(" AND h.state = 'VERIFIED'");
        } else if (f.state() != null) {
            sql.append(" AND h.state = ?");
            params.add(f.state().name());
        }
        if (f.category() != null) {
            sql.append(" AND h.category = ?");
            params.add(f.category().name());
        }
        if (f.partyId() != null) {
            sql.append(" AND h.party_id = ?");
            params.add(f.partyId());
        }
        if (f.admin1() != null && !f.admin1().isBlank()) {
            sql.append(" AND h.admin1 = ?");
            params.add(f.admin1());
        }
        return new Where(sql.toString(), params);
    }

    /** Events per UTC day (all, and verified) from the roll-up, for the days in [from, to). */
    List<Dashboard.Day> dailyRollup(Where w, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(w.params());
        params.add(from);
        params.add(to);
        return jdbc.sql("SELECT h.day AS d, sum(h.events) AS n, coalesce(sum(h.events) FILTER (WHERE h.state = 'VERIFIED'), 0) AS v "
                        + "FROM monitoring_event_daily h WHERE " + w.sql() + " AND h.day >= ? AND h.day < ? GROUP BY 1 ORDER BY 1")
                .params(params).query((rs, n) -> new Dashboard.Day(rs.getObject("d", LocalDate.class), rs.getInt("n"), rs.getInt("v"), 0)).list();
    }

    /** Events that began on the UTC days [from, to), from the roll-up. */
    int countRollup(Where w, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(w.params());
        params.add(from);
        params.add(to);
        return jdbc.sql("SELECT coalesce(sum(h.events), 0) FROM monitoring_event_daily h WHERE " + w.sql() + " AND h.day >= ? AND h.day < ?")
                .params(params).query(Integer.class).single();
    }

    final RowMapper<OutsideReport> outside = (rs, n) -> new OutsideReport(rs.getLong("id"), rs.getLong("process_id"), longOrNull(rs, "import_id"),
            rs.getString("source"), rs.getString("external_id"), instant(rs, "observed_from"), instant(rs, "observed_to"), rs.getDouble("latitude"),
            rs.getDouble("longitude"), intOrNull(rs, "precision_m"), rs.getString("place"), rs.getString("admin1"), rs.getString("admin2"),
            category(rs), intOrNull(rs, "killed_civilian"), intOrNull(rs, "killed_military"),
            intOrNull(rs, "deaths_best"), rs.getString("sources"), rs.getString("description"));

    /**
     * Outside-source reports of a process, newest first, by the filter's time window and category (their regions are
     * the sources' own names, so the region filter does not apply; states and attribution are Parley's, so neither do they).
     */
    List<OutsideReport> outsideReports(long processId, EventFilter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM monitoring_outside_report o WHERE o.process_id = ?");
        List<Object> params = new ArrayList<>(List.of(processId));
        if (f.from() != null) {
            sql.append(" AND o.observed_from >= ?");
            params.add(ts(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            sql.append(" AND o.observed_from < ?");
            params.add(ts(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.category() != null) {
            sql.append(" AND o.category = ?");
            params.add(f.category().name());
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY o.observed_from DESC, o.id DESC LIMIT ?").params(params).query(outside).list();
    }

    /** Outside-source reports per UTC day in [from, to), by category if given. */
    Map<LocalDate, Integer> outsideDaily(long processId, Category category, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> m = new java.util.HashMap<>();
        jdbc.sql("SELECT (observed_from AT TIME ZONE 'UTC')::date, count(*) FROM monitoring_outside_report WHERE process_id = ? "
                        + "AND observed_from >= ? AND observed_from < ?" + (category == null ? "" : " AND category = ?") + " GROUP BY 1")
                .params(category == null ? List.of(processId, ts(from.atStartOfDay().toInstant(ZoneOffset.UTC)), ts(to.atStartOfDay().toInstant(ZoneOffset.UTC)))
                        : List.of(processId, ts(from.atStartOfDay().toInstant(ZoneOffset.UTC)), ts(to.atStartOfDay().toInstant(ZoneOffset.UTC)), category.name()))
                .query((rs, n) -> m.put(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
        return m;
    }

    long outsideReports(long processId) {
        return jdbc.sql("SELECT count(*) FROM monitoring_outside_report WHERE process_id = ?").param(processId).query(Long.class).single();
    }

    void insertAlert(long processId, LocalDate day, int last24h, double baseline) {
        jdbc.sql("INSERT INTO monitoring_alert (process_id, day, last_24h, baseline) VALUES (?,?,?,?) ON CONFLICT (process_id, day) DO NOTHING")
                .params(processId, day, last24h, baseline).update();
    }

    List<Map<String, Object>> alerts(long processId, int limit) {
        return jdbc.sql("SELECT id, day, last_24h, baseline, created_at FROM monitoring_alert WHERE process_id = ? ORDER BY day DESC LIMIT ?")
                .params(processId, limit).query().listOfRows();
    }

    /** Alerts of a process with whether this account has read them, newest first. */
    List<Map<String, Object>> alertsFor(long processId, long accountId, int limit) {
        return jdbc.sql("SELECT a.id, a.day, a.last_24h, a.baseline, a.created_at, r.read_at IS NOT NULL AS read FROM monitoring_alert a "
                        + "LEFT JOIN monitoring_alert_read r ON r.alert_id = a.id AND r.account_id = ? WHERE a.process_id = ? ORDER BY a.day DESC LIMIT ?")
                .params(accountId, processId, limit).query().listOfRows();
    }

    int unreadAlerts(long processId, long accountId) {
        return jdbc.sql("SELECT count(*) FROM monitoring_alert a WHERE a.process_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM monitoring_alert_read r WHERE r.alert_id = a.id AND r.account_id = ?)")
                .params(processId, accountId).query(Integer.class).single();
    }

    int markAlertsRead(long processId, long accountId, Instant at) {
        return jdbc.sql("INSERT INTO monitoring_alert_read (alert_id, account_id, read_at) SELECT id, ?, ? FROM monitoring_alert WHERE process_id = ? "
                        + "ON CONFLICT DO NOTHING").params(accountId, ts(at), processId).update();
    }

    Optional<Monitoring.Settings> settings(long processId) {
        return jdbc.sql("SELECT group_km, group_minutes, spike_factor FROM monitoring_settings WHERE process_id = ?").param(processId)
                .query((rs, n) -> new Monitoring.Settings(rs.getDouble(1), rs.getInt(2), rs.getDouble(3))).optional();
    }

    void saveSettings(long processId, Monitoring.Settings s, Long by, Instant at) {
        jdbc.sql("INSERT INTO monitoring_settings (process_id, group_km, group_minutes, spike_factor, changed_by, changed_at) VALUES (?,?,?,?,?,?) "
                        + "ON CONFLICT (process_id) DO UPDATE SET group_km = EXCLUDED.group_km, group_minutes = EXCLUDED.group_minutes, "
                        + "spike_factor = EXCLUDED.spike_factor, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at")
                .params(processId, s.groupKm(), s.groupMinutes(), s.spikeFactor(), by, ts(at)).update();
    }

    java.util.Optional<String> setting(String key) {
        return jdbc.sql("SELECT value FROM installation_setting WHERE setting_key = ?").param(key).query(String.class).optional();
    }

    void setSetting(String key, String value) {
        if (value == null) {
            jdbc.sql("DELETE FROM installation_setting WHERE setting_key = ?").param(key).update();
        } else {
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?) ON CONFLICT (setting_key) DO UPDATE SET value = EXCLUDED.value")
                    .params(key, value).update();
        }
    }

    // --- claims

    final RowMapper<Claim> claim = (rs, n) -> new Claim(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("party_id"),
            instant(rs, "observed_from"), instant(rs, "observed_to"), rs.getDouble("latitude"), rs.getDouble("longitude"),
            rs.getString("admin1"), category(rs), longOrNull(rs, "accused_party_id"), rs.getString("description"),
            rs.getString("evidence"), rs.getString("evidence_sha256"), ClaimStatus.valueOf(rs.getString("status")), longOrNull(rs, "event_id"),
            rs.getString("decided_by_name"), rs.getString("decision_reason"), instant(rs, "decided_at"), instant(rs, "created_at"));

    long insertClaim(long processId, long partyId, long account, NewClaim c, Category category, String admin1, String evidenceSha256) {
        return jdbc.sql("INSERT INTO monitoring_claim (process_id, party_id, filed_by_account, observed_from, observed_to, latitude, longitude, "
                        + "admin1, category, accused_party_id, description, evidence, evidence_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")
                .params(processId, partyId, account, ts(c.observedFrom()), ts(c.observedTo()), c.latitude(), c.longitude(), admin1,
                        category.name(), c.accusedPartyId(), c.description().strip(), blankToNull(c.evidence()), evidenceSha256)
                .query(Long.class).single();
    }

    Optional<Claim> claim(long id) {
        return jdbc.sql("SELECT * FROM monitoring_claim WHERE id = ?").param(id).query(claim).optional();
    }

    List<Claim> claims(long processId) {
        return jdbc.sql("SELECT * FROM monitoring_claim WHERE process_id = ? ORDER BY observed_from DESC, id DESC").param(processId).query(claim).list();
    }

    void decideClaim(long id, ClaimStatus status, Long eventId, String byName, String reason, Instant at) {
        jdbc.sql("UPDATE monitoring_claim SET status = ?, event_id = ?, decided_by_name = ?, decision_reason = ?, decided_at = ? WHERE id = ?")
                .params(status.name(), eventId, byName, reason, ts(at), id).update();
    }

    long claimsCount(long processId, ClaimStatus status, Long partyId) {
        if (partyId == null) {
            return jdbc.sql("SELECT count(*) FROM monitoring_claim WHERE process_id = ? AND status = ?").params(processId, status.name())
                    .query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM monitoring_claim WHERE process_id = ? AND status = ? AND party_id = ?")
                .params(processId, status.name(), partyId).query(Long.class).single();
    }

    // --- ceasefires and violations

    final RowMapper<Ceasefire> ceasefireMapper = (rs, n) -> new Ceasefire(rs.getLong("id"), rs.getLong("process_id"), longOrNull(rs, "milestone_id"),
            rs.getString("name"), instant(rs, "starts_at"), instant(rs, "ends_at"), Geography.valueOf(rs.getString("geography")),
            rs.getString("geometry") == null ? null : JSON.readValue(rs.getString("geometry"), new TypeReference<List<List<Double>>>() {
            }), doubleOrNull(rs, "buffer_km"), covered(rs.getLong("process_id"), rs.getArray("categories")), rs.getBoolean("all_kinetic"));

    private List<Category> covered(long processId, Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(code -> categories.get(processId, code)).toList();
    }

    long insertCeasefire(long processId, NewCeasefire c, List<Category> categories) {
        return jdbc.sql("INSERT INTO monitoring_ceasefire (process_id, milestone_id, name, starts_at, ends_at, geography, geometry, buffer_km, "
                        + "categories, all_kinetic) VALUES (?,?,?,?,?,?,?,?,?::text[],?) RETURNING id")
                .params(processId, c.milestoneId(), c.name().strip(), ts(c.startsAt()), ts(c.endsAt()), c.geography().name(),
                        c.coordinates() == null || c.geography() == Geography.COUNTRY ? null : JSON.writeValueAsString(c.coordinates()),
                        c.geography() == Geography.CONTACT_LINE ? c.bufferKm() : null,
                        "{" + String.join(",", categories.stream().map(Category::name).toList()) + "}", c.kinetic())
                .query(Long.class).single();
    }

    List<Ceasefire> ceasefires(long processId) {
        return jdbc.sql("SELECT * FROM monitoring_ceasefire WHERE process_id = ? ORDER BY starts_at, id").param(processId).query(ceasefireMapper).list();
    }

    Optional<Ceasefire> ceasefire(long id) {
        return jdbc.sql("SELECT * FROM monitoring_ceasefire WHERE id = ?").param(id).query(ceasefireMapper).optional();
    }

    boolean insertViolation(long eventId, long ceasefireId, Long partyId, LocalDate day) {
        return jdbc.sql("INSERT INTO monitoring_violation (event_id, ceasefire_id, party_id, day) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
                .params(eventId, ceasefireId, partyId, day).update() > 0;
    }

    List<Long> violatedCeasefires(long eventId) {
        return jdbc.sql("SELECT ceasefire_id FROM monitoring_violation WHERE event_id = ? ORDER BY ceasefire_id").param(eventId).query(Long.class).list();
    }

    /** Verified violations of a ceasefire between two days, as (party or null, day, count). */
    List<Object[]> violationCounts(long ceasefireId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT party_id, day, count(*) FROM monitoring_violation WHERE ceasefire_id = ? AND day BETWEEN ? AND ? GROUP BY 1, 2")
                .params(ceasefireId, from, to)
                .query((rs, n) -> new Object[]{longOrNull(rs, "party_id"), rs.getObject("day", LocalDate.class), rs.getInt(3)}).list();
    }

    /** Every verified event of a process, one at a time (millions of them must not be held at once). */
    void forEachVerified(long processId, java.util.function.Consumer<Event> action) {
        try (var events = jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM monitoring_event e WHERE e.process_id = ? AND e.state = 'VERIFIED'")
                .param(processId).withFetchSize(1_000).query(event).stream()) {
            events.forEach(action);
        }
    }

    // --- helpers

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
