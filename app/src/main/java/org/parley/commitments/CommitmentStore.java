package org.parley.commitments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommitmentStore {

    /** A commitment's row before its deadline is resolved. */
    record Row(long id, long processId, long textId, long clauseId, String action, Theme theme, List<Long> partyIds,
               DeadlineKind deadlineKind, LocalDate dueDate, Integer offsetDays, Long anchorId, Long anchorMilestoneId, Long anchorEventId,
               int reportedLevel, Integer verifiedLevel, LocalDate completedOn, boolean confidential, LocalDate inForceFrom) {
    }

    private static final String SELECT = """
            SELECT c.*, coalesce((SELECT array_agg(party_id ORDER BY party_id) FROM commitment_party WHERE commitment_id = c.id), '{}') AS parties
            FROM commitment c""";

    private final JdbcClient jdbc;

    CommitmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("text_id"), rs.getLong("clause_id"), rs.getString("action"),
                Theme.valueOf(rs.getString("theme")), longs(rs, "parties"),
                DeadlineKind.valueOf(rs.getString("deadline_kind")), rs.getObject("due_date", LocalDate.class),
                (Integer) rs.getObject("offset_days"), (Long) rs.getObject("anchor_commitment_id"),
                (Long) rs.getObject("anchor_milestone_id"), (Long) rs.getObject("anchor_event_id"), rs.getInt("reported_level"),
                (Integer) rs.getObject("verified_level"), rs.getObject("completed_on", LocalDate.class), rs.getBoolean("confidential"),
                rs.getObject("in_force_from", LocalDate.class));
    }

    List<Row> ofProcess(long processId) {
        return jdbc.sql(SELECT + " WHERE c.process_id = ? ORDER BY c.id").param(processId).query((rs, n) -> row(rs)).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    void lock(long id) {
        jdbc.sql("SELECT id FROM commitment WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    long insert(long processId, NewCommitment c, boolean confidential, LocalDate inForceFrom) {
        long id = jdbc.sql("""
                INSERT INTO commitment (process_id, text_id, clause_id, action, confidential, in_force_from, theme, deadline_kind, due_date,
                                        offset_days, anchor_commitment_id, anchor_milestone_id, anchor_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.textId(), c.clauseId(), c.action().strip(), confidential, inForceFrom, c.theme().name(),
                        c.deadlineKind().name(), dueDate(c), offsetDays(c), anchor(c, DeadlineKind.AFTER_COMMITMENT, c.anchorCommitmentId()),
                        anchor(c, DeadlineKind.AFTER_MILESTONE, c.anchorMilestoneId()), anchor(c, DeadlineKind.AFTER_EVENT, c.anchorEventId()))
                .query(Long.class).single();
        replaceParties(id, c.partyIds());
        for (Indicator.Input i : c.indicators()) {
            insertIndicator(id, i);
        }
        return id;
    }

    /** Only the fields of the deadline's kind are kept: a fixed date has no offset, an offset no fixed date, one anchor at most. */
    private static LocalDate dueDate(NewCommitment c) {
        return c.deadlineKind() == DeadlineKind.FIXED ? c.dueDate() : null;
    }

    private static Integer offsetDays(NewCommitment c) {
        return c.deadlineKind() == DeadlineKind.FIXED ? null : c.offsetDays();
    }

    private static Long anchor(NewCommitment c, DeadlineKind kind, Long id) {
        return c.deadlineKind() == kind ? id : null;
    }

    void update(long id, NewCommitment c) {
        jdbc.sql("""
                UPDATE commitment SET action = ?, theme = ?, deadline_kind = ?, due_date = ?, offset_days = ?, anchor_commitment_id = ?,
                                      anchor_milestone_id = ?, anchor_event_id = ?
                WHERE id = ?""")
                .params(c.action().strip(), c.theme().name(), c.deadlineKind().name(), dueDate(c), offsetDays(c),
                        anchor(c, DeadlineKind.AFTER_COMMITMENT, c.anchorCommitmentId()), anchor(c, DeadlineKind.AFTER_MILESTONE, c.anchorMilestoneId()),
                        anchor(c, DeadlineKind.AFTER_EVENT, c.anchorEventId()), id)
                .update();
        replaceParties(id, c.partyIds());
    }

    private void replaceParties(long id, List<Long> parties) {
        jdbc.sql("DELETE FROM commitment_party WHERE commitment_id = ?").param(id).update();
        for (Long p : parties) {
            jdbc.sql("INSERT INTO commitment_party (commitment_id, party_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, p).update();
        }
    }

    // --- indicators and their measured values

    private void insertIndicator(long commitmentId, Indicator.Input i) {
        jdbc.sql("INSERT INTO commitment_indicator (commitment_id, name, unit, target) VALUES (?, ?, ?, ?)")
                .params(commitmentId, i.name().strip(), i.unit().strip(), i.target()).update();
    }

    /** Keeps the indicators the list names (renamed, retargeted), adds the new ones, removes the rest. */
    void replaceIndicators(long commitmentId, List<Indicator.Input> indicators) {
        List<Long> kept = indicators.stream().map(Indicator.Input::id).filter(java.util.Objects::nonNull).toList();
        jdbc.sql("DELETE FROM commitment_indicator WHERE commitment_id = ? AND NOT (id = ANY (?))")
                .params(commitmentId, kept.toArray(new Long[0])).update();
        for (Indicator.Input i : indicators) {
            if (i.id() == null) {
                insertIndicator(commitmentId, i);
            } else {
                jdbc.sql("UPDATE commitment_indicator SET name = ?, unit = ?, target = ? WHERE id = ? AND commitment_id = ?")
                        .params(i.name().strip(), i.unit().strip(), i.target(), i.id(), commitmentId).update();
            }
        }
    }

    /** The indicators of a commitment that have measured values (those cannot be removed). */
    List<Long> measuredIndicators(long commitmentId) {
        return jdbc.sql("""
                SELECT DISTINCT v.indicator_id FROM commitment_indicator_value v JOIN commitment_indicator i ON i.id = v.indicator_id
                WHERE i.commitment_id = ?""").param(commitmentId).query(Long.class).list();
    }

    Map<Long, List<Indicator>> indicators(long processId) {
        Map<Long, List<Indicator>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.commitment_id, i.id, i.name, i.unit, i.target, i.current_value, i.verified_value FROM commitment_indicator i
                JOIN commitment c ON c.id = i.commitment_id WHERE c.process_id = ? ORDER BY i.id""").param(processId)
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Indicator(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
                    return null;
                }).list();
        return out;
    }

    /** A measured value: the indicator's latest reported (or verified) value, and an entry in its history. */
    void measure(long commitmentId, long indicatorId, LevelKind kind, BigDecimal value, long levelChangeId, String actor) {
        String column = kind == LevelKind.REPORTED ? "current_value" : "verified_value";
        jdbc.sql("UPDATE commitment_indicator SET " + column + " = ? WHERE id = ? AND commitment_id = ?")
                .params(value, indicatorId, commitmentId).update();
        jdbc.sql("INSERT INTO commitment_indicator_value (indicator_id, kind, value, level_change_id, actor) VALUES (?, ?, ?, ?, ?)")
                .params(indicatorId, kind.name(), value, levelChangeId, actor).update();
    }

    List<Indicator.Measurement> measurements(long commitmentId) {
        return jdbc.sql("""
                SELECT v.indicator_id, v.kind, v.value, v.actor, v.measured_at FROM commitment_indicator_value v
                JOIN commitment_indicator i ON i.id = v.indicator_id WHERE i.commitment_id = ? ORDER BY v.measured_at, v.id""")
                .param(commitmentId)
                .query((rs, n) -> new Indicator.Measurement(rs.getLong(1), LevelKind.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    void setLevel(long id, LevelKind kind, int level, LocalDate completedOn) {
        String column = kind == LevelKind.REPORTED ? "reported_level" : "verified_level";
        jdbc.sql("UPDATE commitment SET " + column + " = ?, completed_on = ? WHERE id = ?").params(level, completedOn, id).update();
    }

    long insertChange(long processId, long commitmentId, LevelKind kind, int level, int previous, String reason, String evidence,
                      String evidenceHash, Long accountId, String actor) {
        return jdbc.sql("""
                INSERT INTO commitment_level_change (process_id, commitment_id, kind, level, previous_level, reason, evidence, evidence_hash,
                                                     account_id, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, commitmentId, kind.name(), level, previous, reason, evidence, evidenceHash, accountId, actor)
                .query(Long.class).single();
    }

    List<LevelChange> history(long commitmentId) {
        return jdbc.sql("""
                SELECT id, kind, level, previous_level, reason, evidence, evidence_hash, actor, changed_at FROM commitment_level_change
                WHERE commitment_id = ? ORDER BY changed_at, id""").param(commitmentId)
                .query((rs, n) -> new LevelChange(rs.getLong(1), LevelKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Per day: how many commitments were made, and the sums of reported and verified level changes, within a filter. */
    record Day(LocalDate date, int created, int reportedDelta, int verifiedDelta) {
    }

    List<Day> days(long processId, boolean withConfidential, String theme, Long textId, Long partyId) {
        Map<LocalDate, long[]> byDay = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT day, kind, sum(delta) FROM commitment_barometer
                WHERE process_id = ? AND party_id = ? AND (? OR NOT confidential) AND (?::text IS NULL OR theme = ?)
                  AND (?::bigint IS NULL OR text_id = ?)
                GROUP BY day, kind""")
                .params(processId, partyId == null ? 0L : partyId, withConfidential, theme, theme, textId, textId)
                .query((rs, n) -> byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new long[3])
                        [switch (rs.getString(2)) { case "CREATED" -> 0; case "REPORTED" -> 1; default -> 2; }] += rs.getLong(3))
                .list();
        List<Day> out = new ArrayList<>();
        byDay.forEach((d, v) -> out.add(new Day(d, (int) v[0], (int) v[1], (int) v[2])));
        return out;
    }

    private static final String PARTIES_AND_TOTAL = """
            CROSS JOIN LATERAL (SELECT 0::bigint AS party UNION ALL SELECT party_id FROM commitment_party WHERE commitment_id = c.id) p""";

    /** Adds to the barometer's running sums for today, for the totals and each responsible party of the commitment. */
    void addToBarometer(long commitmentId, String kind, int delta) {
        jdbc.sql("""
                INSERT INTO commitment_barometer (process_id, day, kind, theme, text_id, confidential, party_id, delta)
                SELECT c.process_id, (now() AT TIME ZONE 'UTC')::date, ?, c.theme, c.text_id, c.confidential, p.party, ?
                FROM commitment c """ + " " + PARTIES_AND_TOTAL + " " + """
                 WHERE c.id = ?
                ON CONFLICT (process_id, party_id, day, kind, theme, text_id, confidential)
                DO UPDATE SET delta = commitment_barometer.delta + excluded.delta""")
                .params(kind, delta, commitmentId).update();
    }

    /** Recomputes a process's barometer sums from the commitments and every level change (after a change of theme or parties). */
    void rebuildBarometer(long processId) {
        jdbc.sql("DELETE FROM commitment_barometer WHERE process_id = ?").param(processId).update();
        jdbc.sql("""
                INSERT INTO commitment_barometer (process_id, day, kind, theme, text_id, confidential, party_id, delta)
                SELECT c.process_id, (c.created_at AT TIME ZONE 'UTC')::date, 'CREATED', c.theme, c.text_id, c.confidential, p.party, count(*)
                FROM commitment c """ + " " + PARTIES_AND_TOTAL + " " + """
                 WHERE c.process_id = ? GROUP BY 1, 2, 3, 4, 5, 6, 7""").param(processId).update();
        jdbc.sql("""
                INSERT INTO commitment_barometer (process_id, day, kind, theme, text_id, confidential, party_id, delta)
                SELECT c.process_id, (l.changed_at AT TIME ZONE 'UTC')::date, l.kind, c.theme, c.text_id, c.confidential, p.party,
                       sum(l.level - l.previous_level)
                FROM commitment_level_change l JOIN commitment c ON c.id = l.commitment_id """ + " " + PARTIES_AND_TOTAL + " " + """
                 WHERE l.process_id = ? GROUP BY 1, 2, 3, 4, 5, 6, 7""").param(processId).update();
    }

    // --- what relative deadlines count from

    /** When the process's completed milestones were completed, as the roadmap's events said. */
    Map<Long, LocalDate> milestoneCompletions(long processId) {
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        jdbc.sql("SELECT milestone_id, completed_on FROM commitment_milestone_completion WHERE process_id = ?").param(processId)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        return out;
    }

    void milestoneCompleted(long milestoneId, long processId, LocalDate completedOn) {
        jdbc.sql("""
                INSERT INTO commitment_milestone_completion (milestone_id, process_id, completed_on) VALUES (?, ?, ?)
                ON CONFLICT (milestone_id) DO UPDATE SET completed_on = excluded.completed_on""")
                .params(milestoneId, processId, completedOn).update();
    }

    private static DeadlineEvent event(ResultSet rs) throws SQLException {
        OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
        return new DeadlineEvent(rs.getLong("id"), rs.getLong("process_id"), rs.getString("title"), rs.getString("description"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("reason"), rs.getString("evidence"), rs.getString("evidence_hash"),
                rs.getString("recorder"), recorded == null ? null : recorded.toInstant());
    }

    List<DeadlineEvent> events(long processId) {
        return jdbc.sql("SELECT * FROM deadline_event WHERE process_id = ? ORDER BY id").param(processId).query((rs, n) -> event(rs)).list();
    }

    Optional<DeadlineEvent> event(long id) {
        return jdbc.sql("SELECT * FROM deadline_event WHERE id = ?").param(id).query((rs, n) -> event(rs)).optional();
    }

    long insertEvent(long processId, DeadlineEvent.Input e) {
        return jdbc.sql("INSERT INTO deadline_event (process_id, title, description) VALUES (?, ?, ?) RETURNING id")
                .params(processId, e.title().strip(), e.description() == null ? "" : e.description().strip()).query(Long.class).single();
    }

    /** Records that the event happened, unless it already had: whether this call recorded it. */
    boolean eventOccurred(long id, DeadlineEvent.Occurrence o, String evidenceHash, Long accountId, String recorder) {
        return jdbc.sql("""
                UPDATE deadline_event SET occurred_on = ?, reason = ?, evidence = ?, evidence_hash = ?, account_id = ?, recorder = ?,
                                          recorded_at = now()
                WHERE id = ? AND occurred_on IS NULL""")
                .params(o.occurredOn(), o.reason().strip(), o.evidence().strip(), evidenceHash, accountId, recorder, id).update() == 1;
    }

    // --- the plan's tables

    long insertPlanItem(long processId, PlanItem.Input i) {
        long id = jdbc.sql("INSERT INTO plan_item (process_id, kind, title, expected) VALUES (?, ?, ?, ?) RETURNING id")
                .params(processId, i.kind().name(), i.title().strip(), i.expected().strip()).query(Long.class).single();
        replacePlanLinks(id, i);
        return id;
    }

    void updatePlanItem(long id, PlanItem.Input i) {
        jdbc.sql("UPDATE plan_item SET kind = ?, title = ?, expected = ?, updated_at = now() WHERE id = ?")
                .params(i.kind().name(), i.title().strip(), i.expected().strip(), id).update();
        replacePlanLinks(id, i);
    }

    void deletePlanItem(long id) {
        jdbc.sql("DELETE FROM plan_item WHERE id = ?").param(id).update();
    }

    private void replacePlanLinks(long id, PlanItem.Input i) {
        for (String table : List.of("plan_item_track", "plan_item_commitment", "plan_item_indicator")) {
            jdbc.sql("DELETE FROM " + table + " WHERE plan_item_id = ?").param(id).update();
        }
        i.trackIds().forEach(t -> jdbc.sql("INSERT INTO plan_item_track (plan_item_id, track_id) VALUES (?, ?)").params(id, t).update());
        i.commitmentIds().forEach(c -> jdbc.sql("INSERT INTO plan_item_commitment (plan_item_id, commitment_id) VALUES (?, ?)").params(id, c).update());
        i.indicatorIds().forEach(x -> jdbc.sql("INSERT INTO plan_item_indicator (plan_item_id, indicator_id) VALUES (?, ?)").params(id, x).update());
    }

    List<PlanItem> planItems(long processId) {
        return jdbc.sql("""
                SELECT p.id, p.kind, p.title, p.expected,
                       coalesce((SELECT array_agg(track_id ORDER BY track_id) FROM plan_item_track WHERE plan_item_id = p.id), '{}') AS tracks,
                       coalesce((SELECT array_agg(commitment_id ORDER BY commitment_id) FROM plan_item_commitment WHERE plan_item_id = p.id), '{}')
                           AS commitments,
                       coalesce((SELECT array_agg(indicator_id ORDER BY indicator_id) FROM plan_item_indicator WHERE plan_item_id = p.id), '{}')
                           AS indicators
                FROM plan_item p WHERE p.process_id = ? ORDER BY p.kind, p.id""").param(processId)
                .query((rs, n) -> new PlanItem(rs.getLong("id"), PlanKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        rs.getString("expected"), longs(rs, "tracks"), longs(rs, "commitments"), longs(rs, "indicators")))
                .list();
    }

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        return List.of((Long[]) rs.getArray(column).getArray());
    }
}
