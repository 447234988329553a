package org.parley.engagement;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for consultations, participants, statements, votes and maps. Rules are the service's business. */
@Repository
class ConsultationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** For reads of every vote: rows come through a cursor (in a transaction) rather than all at once. */
    private final JdbcTemplate cursor;

    ConsultationStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(20_000);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static final RowMapper<Consultation> CONSULTATION = (rs, n) -> new Consultation(rs.getLong("id"), rs.getLong("process_id"),
            rs.getString("question"), rs.getString("context"), strings(rs.getArray("languages")), instant(rs, "opens_at"),
            instant(rs, "closes_at"), Consultation.Moderation.valueOf(rs.getString("moderation")), rs.getBoolean("closed_mode"),
            instant(rs, "closed_at"), Consultation.Access.valueOf(rs.getString("access")));

    static final RowMapper<Statement> STATEMENT = (rs, n) -> new Statement(rs.getLong("id"), rs.getLong("consultation_id"),
            rs.getString("text"), rs.getString("language"), translations(rs.getString("translations")), rs.getBoolean("seed"),
            Statement.Status.valueOf(rs.getString("status")), rs.getString("reject_reason"), instant(rs, "created_at"));

    private static Map<String, String> translations(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    // --- consultations

    long insert(long processId, NewConsultation c) {
        return jdbc.sql("""
                INSERT INTO consultation (process_id, question, context, languages, opens_at, closes_at, moderation, closed_mode, access)
                VALUES (:pid, :q, :ctx, string_to_array(:langs, ','), :opens, :closes, :mod, :closed, :access) RETURNING id""")
                .param("pid", processId)
                .param("q", c.question().strip())
                .param("ctx", c.context() == null ? "" : c.context().strip())
                .param("langs", String.join(",", c.languages()))
                .param("opens", Timestamp.from(c.opensAt()))
                .param("closes", Timestamp.from(c.closesAt()))
                .param("mod", c.moderation().name())
                .param("closed", c.effectiveAccess() != Consultation.Access.OPEN)
                .param("access", c.effectiveAccess().name())
                .query(Long.class).single();
    }

    Optional<Consultation> consultation(long id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id).query(CONSULTATION).optional();
    }

    /** Locks the consultation row against other closings; FOR NO KEY UPDATE, so the map's rows (which refer to it) can still be written. */
    Optional<Consultation> lockConsultation(long id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ? FOR NO KEY UPDATE").param(id).query(CONSULTATION).optional();
    }

    List<Consultation> ofProcess(long processId) {
        return jdbc.sql("SELECT * FROM consultation WHERE process_id = ? ORDER BY opens_at DESC, id DESC").param(processId)
                .query(CONSULTATION).list();
    }

    /** Consultations whose map may still change: not closed, or closed without the final map. */
    List<Long> live() {
        return jdbc.sql("""
                SELECT c.id FROM consultation c LEFT JOIN consultation_map m ON m.consultation_id = c.id
                WHERE c.closed_at IS NULL OR m.final IS NOT TRUE ORDER BY c.id""")
                .query(Long.class).list();
    }

    List<Consultation> dueToClose(Instant now) {
        return jdbc.sql("SELECT * FROM consultation WHERE closed_at IS NULL AND closes_at <= ? ORDER BY id")
                .param(Timestamp.from(now)).query(CONSULTATION).list();
    }

    void close(long id, Instant at) {
        jdbc.sql("UPDATE consultation SET closed_at = ? WHERE id = ? AND closed_at IS NULL").params(Timestamp.from(at), id).update();
    }

    // --- participants and invitations

    Optional<Long> participant(long consultationId, byte[] tokenHash) {
        return jdbc.sql("SELECT id FROM consultation_participant WHERE consultation_id = ? AND token_hash = ?")
                .params(consultationId, tokenHash).query(Long.class).optional();
    }

    long addParticipant(long consultationId, byte[] tokenHash, Long invitationId) {
        return jdbc.sql("""
                INSERT INTO consultation_participant (consultation_id, token_hash, invitation_id) VALUES (?, ?, ?)
                ON CONFLICT (consultation_id, token_hash) DO UPDATE SET token_hash = EXCLUDED.token_hash RETURNING id""")
                .params(consultationId, tokenHash, invitationId).query(Long.class).single();
    }

    void addInvitation(long consultationId, byte[] codeHash) {
        jdbc.sql("INSERT INTO consultation_invitation (consultation_id, code_hash) VALUES (?, ?)").params(consultationId, codeHash).update();
    }

    /** Marks an unused invitation used and returns its id; empty when unknown or used. */
    Optional<Long> useInvitation(long consultationId, byte[] codeHash, Instant at) {
        return jdbc.sql("""
                UPDATE consultation_invitation SET used_at = ? WHERE consultation_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id""")
                .params(Timestamp.from(at), consultationId, codeHash).query(Long.class).optional();
    }

    // --- statements

    long insertStatement(long consultationId, String text, String language, boolean seed, Long authorId, Statement.Status status, Instant at) {
        return jdbc.sql("""
                INSERT INTO consultation_statement (consultation_id, text, language, seed, author_id, status, created_at, moderated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(consultationId, text, language, seed, authorId, status.name(), Timestamp.from(at),
                        status == Statement.Status.PENDING ? null : Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Statement> statement(long consultationId, long statementId) {
        return jdbc.sql("SELECT * FROM consultation_statement WHERE consultation_id = ? AND id = ?").params(consultationId, statementId)
                .query(STATEMENT).optional();
    }

    Optional<Statement.Status> statementStatus(long consultationId, long statementId) {
        return jdbc.sql("SELECT status FROM consultation_statement WHERE consultation_id = ? AND id = ?").params(consultationId, statementId)
                .query((rs, n) -> Statement.Status.valueOf(rs.getString(1))).optional();
    }

    List<Statement> statements(long consultationId, Statement.Status status) {
        return jdbc.sql("SELECT * FROM consultation_statement WHERE consultation_id = ? AND status = ? ORDER BY id")
                .params(consultationId, status.name()).query(STATEMENT).list();
    }

    List<Statement> allStatements(long consultationId) {
        return jdbc.sql("SELECT * FROM consultation_statement WHERE consultation_id = ? ORDER BY id").param(consultationId).query(STATEMENT).list();
    }

    void moderate(long statementId, Statement.Status status, String reason, Instant at) {
        jdbc.sql("UPDATE consultation_statement SET status = ?, reject_reason = ?, moderated_at = ? WHERE id = ?")
                .params(status.name(), reason, Timestamp.from(at), statementId).update();
    }

    void setTranslations(long statementId, Map<String, String> translations, Instant at) {
        jdbc.sql("UPDATE consultation_statement SET translations = ?::jsonb, moderated_at = ? WHERE id = ?")
                .params(JSON.writeValueAsString(translations), Timestamp.from(at), statementId).update();
    }

    // --- votes, a batch at a time (group commit)

    /** What a vote names: its consultation, its participant (known, or by the SHA-256 of its token) and its statement. */
    record VoteKey(long consultationId, Long participantId, byte[] tokenHash, long statementId) {
    }

    /**
     * A vote's consultation, as far as a vote needs it (its process, null: no such consultation; its phase at the
     * batch's moment), its participant (null: no such participant in that consultation) and its statement's status
     * (null: no such statement there).
     */
    record Resolved(Long processId, Consultation.Phase phase, Long participantId, Statement.Status status) {
    }

    record VoteRow(long participantId, long statementId, long consultationId, int vote, Instant at) {
    }

    /**
     * Resolves each key with one query; the answers come in the keys' order. Joins rather than a subquery per key:
     * the consultation's statements are then hashed once per batch instead of scanned once per vote, which halved
     * the query's time under load; and the consultation's times come with it, one round trip fewer
     * (docs/PERFORMANCE.md).
     */
    List<Resolved> resolve(List<VoteKey> keys, Instant now) {
        Resolved[] out = new Resolved[keys.size()];
        jdbc.sql("""
                SELECT x.i, c.process_id, c.opens_at, c.closes_at, c.closed_at, coalesce(x.pid, p.id), s.status
                FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bigint[]) WITH ORDINALITY AS x(cid, pid, th, sid, i)
                LEFT JOIN consultation c ON c.id = x.cid
                LEFT JOIN consultation_participant p ON p.consultation_id = x.cid AND p.token_hash = x.th
                LEFT JOIN consultation_statement s ON s.id = x.sid AND s.consultation_id = x.cid""")
                .params(keys.stream().map(VoteKey::consultationId).toArray(Long[]::new), keys.stream().map(VoteKey::participantId).toArray(Long[]::new),
                        keys.stream().map(VoteKey::tokenHash).toArray(byte[][]::new), keys.stream().map(VoteKey::statementId).toArray(Long[]::new))
                .query((rs, n) -> {
                    long process = rs.getLong(2);
                    Long processId = rs.wasNull() ? null : process;
                    Consultation.Phase phase = processId == null ? null
                            : Consultation.phase(instant(rs, "opens_at"), instant(rs, "closes_at"), instant(rs, "closed_at"), now);
                    long participant = rs.getLong(6);
                    Long p = rs.wasNull() ? null : participant;
                    String status = rs.getString(7);
                    out[rs.getInt(1) - 1] = new Resolved(processId, phase, p, status == null ? null : Statement.Status.valueOf(status));
                    return null;
                }).list();
        return Arrays.asList(out);
    }

    /**
     * Inserts or replaces the votes (at most one per participant and statement) with one statement; a stored vote
     * cast later than the new one is kept. Returns, per "participant|statement" written, whether it was new.
     */
    Map<String, Boolean> votes(List<VoteRow> rows) {
        Map<String, Boolean> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                INSERT INTO consultation_vote (participant_id, statement_id, consultation_id, vote, voted_at)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[], ?::timestamptz[])
                ON CONFLICT (participant_id, statement_id) DO UPDATE SET vote = EXCLUDED.vote, voted_at = EXCLUDED.voted_at
                    WHERE consultation_vote.voted_at <= EXCLUDED.voted_at
                RETURNING participant_id, statement_id, (xmax = 0)""")
                .params(rows.stream().map(VoteRow::participantId).toArray(Long[]::new), rows.stream().map(VoteRow::statementId).toArray(Long[]::new),
                        rows.stream().map(VoteRow::consultationId).toArray(Long[]::new),
                        rows.stream().map(r -> (short) r.vote()).toArray(Short[]::new), rows.stream().map(r -> r.at().toString()).toArray(String[]::new))
                .query((rs, n) -> out.put(rs.getLong(1) + "|" + rs.getLong(2), rs.getBoolean(3))).list();
        return out;
    }

    // --- votes

    Map<Long, Integer> votesOf(long participantId) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        jdbc.sql("SELECT statement_id, vote FROM consultation_vote WHERE participant_id = ?").param(participantId)
                .query((rs, n) -> m.put(rs.getLong(1), rs.getInt(2))).list();
        return m;
    }

    /**
     * Streams (participant, statement, vote) of accepted statements, ordered by participant (for the exports).
     * Through a cursor: call it in a transaction.
     */
    void eachVote(long consultationId, VoteSink sink) {
        cursor.query("""
                SELECT v.participant_id, v.statement_id, v.vote FROM consultation_vote v
                JOIN consultation_statement s ON s.id = v.statement_id AND s.status = 'ACCEPTED'
                WHERE v.consultation_id = ? ORDER BY v.participant_id, v.statement_id""",
                (RowCallbackHandler) rs -> sink.accept(rs.getLong(1), rs.getLong(2), rs.getInt(3)), consultationId);
    }

    /**
     * Streams (participant, statement, vote) of every vote stamped at or after {@code since} (all when null), in
     * no particular order and whatever the statement's status (the map keeps its own columns). By COPY, parsed
     * as it streams ({@link VoteCopy}): reading millions of votes is the bulk of a cold map.
     */
    void eachVoteSince(long consultationId, Instant since, VoteSink sink) {
        // COPY takes no parameters: both values are formatted here from a long and an Instant, nothing from outside
        String sql = "COPY (SELECT participant_id, statement_id, vote FROM consultation_vote WHERE consultation_id = " + consultationId
                + (since == null ? "" : " AND voted_at >= '" + OffsetDateTime.ofInstant(since, ZoneOffset.UTC) + "'") + ") TO STDOUT";
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, new VoteCopy(sink));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("reading the votes of consultation " + consultationId, e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** When the consultation was created: with its id, what names it even across databases made afresh. */
    Optional<Instant> createdAt(long consultationId) {
        return jdbc.sql("SELECT created_at FROM consultation WHERE id = ?").param(consultationId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** When the latest vote was cast or changed. */
    Optional<Instant> latestVote(long consultationId) {
        return jdbc.sql("SELECT max(voted_at) FROM consultation_vote WHERE consultation_id = ?").param(consultationId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant);
    }

    interface VoteSink {
        void accept(long participant, long statement, int vote);
    }

    /**
     * What the map depends on: the latest vote time (a new or changed vote moves it; read from the index, not by
     * counting millions of rows), the count and latest change of statements, the closing, and the demographic answers.
     */
    String fingerprint(long consultationId) {
        return jdbc.sql("""
                SELECT (SELECT coalesce(max(voted_at)::text, '-') FROM consultation_vote WHERE consultation_id = :id)
                    || '|' || (SELECT count(*) || '/' || coalesce(max(coalesce(moderated_at, created_at))::text, '-')
                               FROM consultation_statement WHERE consultation_id = :id)
                    || '|' || (SELECT coalesce(closed_at::text, '-') FROM consultation WHERE id = :id)
                    || '|' || (SELECT coalesce(max(answered_at)::text, '-') FROM consultation_answer WHERE consultation_id = :id)""")
                .param("id", consultationId).query(String.class).single();
    }

    long voteCount(long consultationId) {
        return jdbc.sql("SELECT count(*) FROM consultation_vote WHERE consultation_id = ?").param(consultationId).query(Long.class).single();
    }

    long participantCount(long consultationId) {
        return jdbc.sql("SELECT count(DISTINCT participant_id) FROM consultation_vote WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single();
    }

    // --- maps

    record StoredMap(Instant computedAt, String fingerprint, String report, String state) {
    }

    Optional<StoredMap> map(long consultationId) {
        return jdbc.sql("SELECT computed_at, last_vote_at, report::text AS report, state::text AS state, vote_count FROM consultation_map WHERE consultation_id = ?")
                .param(consultationId)
                .query((rs, n) -> new StoredMap(instant(rs, "computed_at"), null, rs.getString("report"), rs.getString("state"))).optional();
    }

    Optional<String> mapFingerprint(long consultationId) {
        return jdbc.sql("SELECT state->>'fingerprint' FROM consultation_map WHERE consultation_id = ?").param(consultationId)
                .query(String.class).optional();
    }

    /** Stores a map; the final one (computed at closing) is never replaced. */
    void saveMap(long consultationId, Instant at, long votes, String report, String state, boolean fin) {
        jdbc.sql("""
                INSERT INTO consultation_map (consultation_id, computed_at, vote_count, report, state, final) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (consultation_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, vote_count = EXCLUDED.vote_count,
                    report = EXCLUDED.report, state = EXCLUDED.state, final = EXCLUDED.final
                WHERE NOT consultation_map.final""")
                .params(consultationId, Timestamp.from(at), votes, report, state, fin).update();
    }
}
