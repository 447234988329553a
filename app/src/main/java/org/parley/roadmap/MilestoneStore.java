package org.parley.roadmap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MilestoneStore {

    private static final String SELECT = """
            SELECT m.*,
                   coalesce((SELECT array_agg(party_id ORDER BY party_id) FROM milestone_party WHERE milestone_id = m.id), '{}') AS parties,
                   coalesce((SELECT array_agg(depends_on_id ORDER BY depends_on_id) FROM milestone_dependency WHERE milestone_id = m.id), '{}') AS deps
            FROM milestone m
            """;

    private static final RowMapper<MilestoneRow> ROW = (rs, n) -> new MilestoneRow(rs.getLong("id"), rs.getLong("process_id"),
            (Long) rs.getObject("track_id"), rs.getString("title"), rs.getString("description"),
            DueKind.valueOf(rs.getString("due_kind")), rs.getObject("due_date", LocalDate.class), (Integer) rs.getObject("offset_amount"),
            rs.getString("offset_unit") == null ? null : OffsetUnit.valueOf(rs.getString("offset_unit")),
            (Long) rs.getObject("anchor_milestone_id"), MilestoneStatus.valueOf(rs.getString("status")),
            rs.getObject("completed_on", LocalDate.class),
            Arrays.asList((Long[]) rs.getArray("parties").getArray()), Arrays.asList((Long[]) rs.getArray("deps").getArray()));

    private final JdbcClient jdbc;

    MilestoneStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MilestoneRow> ofProcess(long processId) {
        return jdbc.sql(SELECT + " WHERE m.process_id = ? ORDER BY m.id").param(processId).query(ROW).list();
    }

    Optional<MilestoneRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(ROW).optional();
    }

    long insert(long processId, NewMilestone m) {
        return jdbc.sql("""
                INSERT INTO milestone (process_id, track_id, title, description, due_kind, due_date, offset_amount, offset_unit,
                                       anchor_milestone_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED') RETURNING id""")
                .params(processId, m.trackId(), m.title().trim(), m.description() == null ? "" : m.description(), m.dueKind().name(),
                        m.dueKind() == DueKind.DATE ? m.dueDate() : null,
                        m.dueKind() == DueKind.DATE ? null : m.offsetAmount(),
                        m.dueKind() == DueKind.DATE ? null : m.offsetUnit().name(),
                        m.dueKind() == DueKind.AFTER_MILESTONE ? m.anchorMilestoneId() : null)
                .query(Long.class).single();
    }

    void update(long id, NewMilestone m) {
        jdbc.sql("""
                UPDATE milestone SET track_id = ?, title = ?, description = ?, due_kind = ?, due_date = ?, offset_amount = ?,
                                     offset_unit = ?, anchor_milestone_id = ? WHERE id = ?""")
                .params(m.trackId(), m.title().trim(), m.description() == null ? "" : m.description(), m.dueKind().name(),
                        m.dueKind() == DueKind.DATE ? m.dueDate() : null,
                        m.dueKind() == DueKind.DATE ? null : m.offsetAmount(),
                        m.dueKind() == DueKind.DATE ? null : m.offsetUnit().name(),
                        m.dueKind() == DueKind.AFTER_MILESTONE ? m.anchorMilestoneId() : null, id)
                .update();
    }

    void replaceParties(long id, List<Long> partyIds) {
        jdbc.sql("DELETE FROM milestone_party WHERE milestone_id = ?").param(id).update();
        for (Long p : partyIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO milestone_party (milestone_id, party_id) VALUES (?, ?)").params(id, p).update();
        }
    }

    void replaceDependencies(long id, List<Long> dependsOn) {
        jdbc.sql("DELETE FROM milestone_dependency WHERE milestone_id = ?").param(id).update();
        for (Long d : dependsOn.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO milestone_dependency (milestone_id, depends_on_id) VALUES (?, ?)").params(id, d).update();
        }
    }

    void setStatus(long id, MilestoneStatus status, LocalDate completedOn) {
        jdbc.sql("UPDATE milestone SET status = ?, completed_on = ? WHERE id = ?").params(status.name(), completedOn, id).update();
    }

    String appendHistory(long milestoneId, MilestoneStatus from, MilestoneStatus to, Long by, String reason, String evidence) {
        String hash = evidence == null || evidence.isBlank() ? null : sha256(evidence);
        jdbc.sql("""
                INSERT INTO milestone_status_change (milestone_id, from_status, to_status, changed_by, reason, evidence, evidence_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(milestoneId, from == null ? null : from.name(), to.name(), by, reason.trim(),
                        evidence == null || evidence.isBlank() ? null : evidence.trim(), hash)
                .update();
        return hash;
    }

    List<StatusHistoryEntry> history(long milestoneId) {
        return jdbc.sql("""
                SELECT h.id, h.from_status, h.to_status, h.changed_at, coalesce(a.display_name, '') AS by_name, h.reason,
                       h.evidence, h.evidence_hash
                FROM milestone_status_change h LEFT JOIN account a ON a.id = h.changed_by
                WHERE h.milestone_id = ? ORDER BY h.changed_at, h.id""")
                .param(milestoneId)
                .query((ResultSet rs, int n) -> new StatusHistoryEntry(rs.getLong("id"),
                        rs.getString("from_status") == null ? null : MilestoneStatus.valueOf(rs.getString("from_status")),
                        MilestoneStatus.valueOf(rs.getString("to_status")), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("by_name"), rs.getString("reason"), rs.getString("evidence"), rs.getString("evidence_hash")))
                .list();
    }

    /** Evidence is hashed as the UTF-8 bytes of its trimmed text, so anyone holding the same text gets the same hash. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
