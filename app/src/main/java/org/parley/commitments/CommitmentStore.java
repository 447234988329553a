package org.parley.commitments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
               DeadlineKind deadlineKind, LocalDate dueDate, Integer offsetDays, Long anchorId, int reportedLevel, Integer verifiedLevel,
               LocalDate completedOn, boolean confidential, LocalDate inForceFrom) {
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
                Theme.valueOf(rs.getString("theme")), Arrays.asList((Long[]) rs.getArray("parties").getArray()),
                DeadlineKind.valueOf(rs.getString("deadline_kind")), rs.getObject("due_date", LocalDate.class),
                (Integer) rs.getObject("offset_days"), (Long) rs.getObject("anchor_commitment_id"), rs.getInt("reported_level"),
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
                                        offset_days, anchor_commitment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.textId(), c.clauseId(), c.action().strip(), confidential, inForceFrom, c.theme().name(),
                        c.deadlineKind().name(), c.deadlineKind() == DeadlineKind.FIXED ? c.dueDate() : null,
                        c.deadlineKind() == DeadlineKind.FIXED ? null : c.offsetDays(),
                        c.deadlineKind() == DeadlineKind.AFTER_COMMITMENT ? c.anchorCommitmentId() : null)
                .query(Long.class).single();
        replaceParties(id, c.partyIds());
        for (Indicator.Input i : c.indicators()) {
            jdbc.sql("INSERT INTO commitment_indicator (commitment_id, name, unit, target) VALUES (?, ?, ?, ?)")
                    .params(id, i.name().strip(), i.unit().strip(), i.target()).update();
        }
        return id;
    }

    void updateDeadline(long id, NewCommitment c) {
        jdbc.sql("""
                UPDATE commitment SET action = ?, theme = ?, deadline_kind = ?, due_date = ?, offset_days = ?, anchor_commitment_id = ?
                WHERE id = ?""")
                .params(c.action().strip(), c.theme().name(), c.deadlineKind().name(), c.deadlineKind() == DeadlineKind.FIXED ? c.dueDate() : null,
                        c.deadlineKind() == DeadlineKind.FIXED ? null : c.offsetDays(),
                        c.deadlineKind() == DeadlineKind.AFTER_COMMITMENT ? c.anchorCommitmentId() : null, id)
                .update();
        replaceParties(id, c.partyIds());
    }

    private void replaceParties(long id, List<Long> parties) {
        jdbc.sql("DELETE FROM commitment_party WHERE commitment_id = ?").param(id).update();
        for (Long p : parties) {
            jdbc.sql("INSERT INTO commitment_party (commitment_id, party_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, p).update();
        }
    }

    Map<Long, List<Indicator>> indicators(long processId) {
        Map<Long, List<Indicator>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.commitment_id, i.id, i.name, i.unit, i.target, i.current_value FROM commitment_indicator i
                JOIN commitment c ON c.id = i.commitment_id WHERE c.process_id = ? ORDER BY i.id""").param(processId)
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Indicator(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    return null;
                }).list();
        return out;
    }

    void setIndicator(long commitmentId, long indicatorId, BigDecimal value) {
        jdbc.sql("UPDATE commitment_indicator SET current_value = ? WHERE id = ? AND commitment_id = ?").params(value, indicatorId, commitmentId).update();
    }

    void setLevel(long id, LevelKind kind, int level, LocalDate completedOn) {
        String column = kind == LevelKind.REPORTED ? "reported_level" : "verified_level";
        jdbc.sql("UPDATE commitment SET " + column + " = ?, completed_on = ? WHERE id = ?").params(level, completedOn, id).update();
    }

    void insertChange(long processId, long commitmentId, LevelKind kind, int level, int previous, String reason, String evidence,
                      String evidenceHash, Long accountId, String actor) {
        jdbc.sql("""
                INSERT INTO commitment_level_change (process_id, commitment_id, kind, level, previous_level, reason, evidence, evidence_hash,
                                                     account_id, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processId, commitmentId, kind.name(), level, previous, reason, evidence, evidenceHash, accountId, actor).update();
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

    // --- the plan's tables

    long insertPlanItem(long processId, PlanItem.Input i) {
        return jdbc.sql("""
                INSERT INTO plan_item (process_id, kind, title, expected, track_id, commitment_id, indicator_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                RETURNING id""")
                .params(processId, i.kind().name(), i.title().strip(), i.expected().strip(), i.trackId(), i.commitmentId(), i.indicatorId())
                .query(Long.class).single();
    }

    List<PlanItem> planItems(long processId) {
        return jdbc.sql("SELECT * FROM plan_item WHERE process_id = ? ORDER BY kind, id").param(processId)
                .query((rs, n) -> new PlanItem(rs.getLong("id"), PlanKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        rs.getString("expected"), (Long) rs.getObject("track_id"), (Long) rs.getObject("commitment_id"),
                        (Long) rs.getObject("indicator_id")))
                .list();
    }
}
