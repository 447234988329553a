package org.parley.texts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
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
import tools.jackson.databind.json.JsonMapper;

@Repository
class TextStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A text's row, before its articles are attached. */
    record Row(long id, long processId, long trackId, String title, String preamble, TextVisibility visibility, TextStatus status,
               int version, Instant adoptedAt, String adoptedSha256, LocalDate entryIntoForce, List<Long> signatoryIds) {
    }

    private final JdbcClient jdbc;

    TextStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT t.*, coalesce((SELECT array_agg(party_id ORDER BY party_id) FROM text_signatory WHERE text_id = t.id), '{}') AS signatories
            FROM negotiating_text t""";

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        OffsetDateTime adopted = rs.getObject("adopted_at", OffsetDateTime.class);
        return new Row(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("track_id"), rs.getString("title"), rs.getString("preamble"),
                TextVisibility.valueOf(rs.getString("visibility")), TextStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                adopted == null ? null : adopted.toInstant(), rs.getString("adopted_sha256"), rs.getObject("entry_into_force", LocalDate.class),
                longs(rs.getArray("signatories")));
    }

    static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    List<Row> ofProcess(long processId) {
        return jdbc.sql(SELECT + " WHERE t.process_id = ? ORDER BY t.id").param(processId).query((rs, n) -> row(rs)).list();
    }

    void lock(long textId) {
        jdbc.sql("SELECT id FROM negotiating_text WHERE id = ? FOR UPDATE").param(textId).query(Long.class).single();
    }

    long insert(long processId, NewText t) {
        long id = jdbc.sql("""
                INSERT INTO negotiating_text (process_id, track_id, title, preamble, visibility, status, version)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', 0) RETURNING id""")
                .params(processId, t.trackId(), t.title().strip(), t.preamble().strip(), t.visibility().name()).query(Long.class).single();
        for (Long p : t.signatoryIds()) {
            jdbc.sql("INSERT INTO text_signatory (text_id, party_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, p).update();
        }
        return id;
    }

    /** The articles and clauses as they stand, numbered through the whole text. */
    List<Article> articles(long textId) {
        Map<Long, List<Alternative>> alternatives = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.clause_id, a.body, a.party_id FROM text_alternative a JOIN text_clause c ON c.id = a.clause_id
                WHERE c.text_id = ? ORDER BY a.clause_id, a.position""").param(textId)
                .query((rs, n) -> {
                    alternatives.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Alternative(rs.getString(2), rs.getLong(3)));
                    return null;
                }).list();
        record C(long id, long articleId, String body, int changed) {
        }
        List<C> clauses = jdbc.sql("""
                SELECT c.id, c.article_id, c.body, c.changed_in_version FROM text_clause c JOIN text_article a ON a.id = c.article_id
                WHERE c.text_id = ? ORDER BY a.position, c.position""").param(textId)
                .query((rs, n) -> new C(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        record A(long id, String heading) {
        }
        List<A> articles = jdbc.sql("SELECT id, heading FROM text_article WHERE text_id = ? ORDER BY position").param(textId)
                .query((rs, n) -> new A(rs.getLong(1), rs.getString(2))).list();
        List<Article> out = new ArrayList<>();
        int number = 0;
        int articleNumber = 0;
        for (A a : articles) {
            List<Clause> cs = new ArrayList<>();
            for (C c : clauses) {
                if (c.articleId() == a.id()) {
                    cs.add(new Clause(c.id(), ++number, c.body(), alternatives.getOrDefault(c.id(), List.of()), c.changed()));
                }
            }
            out.add(new Article(a.id(), ++articleNumber, a.heading(), List.copyOf(cs)));
        }
        return out;
    }

    /**
     * Replaces the draft's structure by the given one, keeping the ids the draft names (so positions on an unchanged
     * clause stay valid) and marking every clause whose text changed as changed in {@code version}.
     */
    void replaceStructure(long textId, Draft draft, int version, List<Clause> before) {
        Map<Long, String> renderedBefore = new LinkedHashMap<>();
        before.forEach(c -> renderedBefore.put(c.id(), c.rendered()));
        jdbc.sql("UPDATE negotiating_text SET title = ?, preamble = ?, version = ? WHERE id = ?")
                .params(draft.title().strip(), draft.preamble().strip(), version, textId).update();
        List<Long> keptArticles = new ArrayList<>();
        List<Long> keptClauses = new ArrayList<>();
        int ap = 0;
        for (DraftArticle a : draft.articles()) {
            long articleId;
            if (a.id() != null) {
                articleId = a.id();
                jdbc.sql("UPDATE text_article SET position = ?, heading = ? WHERE id = ?").params(++ap, a.heading().strip(), articleId).update();
            } else {
                articleId = jdbc.sql("INSERT INTO text_article (text_id, position, heading) VALUES (?, ?, ?) RETURNING id")
                        .params(textId, ++ap, a.heading().strip()).query(Long.class).single();
            }
            keptArticles.add(articleId);
            int cp = 0;
            for (DraftClause c : a.clauses()) {
                String rendered = Clause.render(c.body().strip(), c.alternatives());
                long clauseId;
                if (c.id() != null) {
                    clauseId = c.id();
                    boolean changed = !rendered.equals(renderedBefore.get(clauseId));
                    jdbc.sql("UPDATE text_clause SET article_id = ?, position = ?, body = ?" + (changed ? ", changed_in_version = ?" : "")
                                    + " WHERE id = ?")
                            .params(changed ? List.of(articleId, ++cp, c.body().strip(), version, clauseId)
                                    : List.of(articleId, ++cp, c.body().strip(), clauseId)).update();
                    jdbc.sql("DELETE FROM text_alternative WHERE clause_id = ?").param(clauseId).update();
                } else {
                    clauseId = jdbc.sql("""
                            INSERT INTO text_clause (text_id, article_id, position, body, changed_in_version) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                            .params(textId, articleId, ++cp, c.body().strip(), version).query(Long.class).single();
                }
                keptClauses.add(clauseId);
                int alt = 0;
                for (Alternative x : c.alternatives()) {
                    jdbc.sql("INSERT INTO text_alternative (clause_id, position, body, party_id) VALUES (?, ?, ?, ?)")
                            .params(clauseId, ++alt, x.body().strip(), x.partyId()).update();
                }
            }
        }
        for (Clause c : before) {
            if (!keptClauses.contains(c.id())) {
                jdbc.sql("DELETE FROM text_clause WHERE id = ?").param(c.id()).update();
            }
        }
        jdbc.sql("DELETE FROM text_article WHERE text_id = ? AND NOT (id = ANY (?))")
                .params(textId, keptArticles.toArray(new Long[0])).update();
    }

    void insertVersion(long textId, int number, Long authorId, String reason, Snapshot snapshot) {
        jdbc.sql("INSERT INTO text_version (text_id, number, author_id, reason, snapshot) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(textId, number, authorId, reason.strip(), JSON.writeValueAsString(snapshot)).update();
    }

    List<Version> versions(long textId) {
        return jdbc.sql("""
                SELECT v.number, coalesce(a.display_name, ''), v.reason, v.created_at FROM text_version v LEFT JOIN account a ON a.id = v.author_id
                WHERE v.text_id = ? ORDER BY v.number""").param(textId)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<Snapshot> snapshot(long textId, int number) {
        return jdbc.sql("SELECT snapshot::text FROM text_version WHERE text_id = ? AND number = ?").params(textId, number)
                .query(String.class).optional().map(s -> JSON.readValue(s, Snapshot.class));
    }

    // --- positions

    void upsertPosition(long textId, long clauseId, long partyId, PositionInput p, int version, Long accountId) {
        jdbc.sql("""
                INSERT INTO text_position (text_id, clause_id, party_id, stance, amendment, on_version, shared, account_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, false, ?, now())
                ON CONFLICT (clause_id, party_id) DO UPDATE SET stance = excluded.stance, amendment = excluded.amendment,
                    on_version = excluded.on_version, shared = false, account_id = excluded.account_id, updated_at = now()""")
                .params(textId, clauseId, partyId, p.stance().name(), p.stance() == Stance.AMEND ? p.amendment().strip() : null, version, accountId)
                .update();
    }

    int share(long textId, long partyId) {
        return jdbc.sql("UPDATE text_position SET shared = true WHERE text_id = ? AND party_id = ?").params(textId, partyId).update();
    }

    List<Position> positions(long textId) {
        return jdbc.sql("""
                SELECT p.clause_id, p.party_id, p.stance, p.amendment, p.on_version, p.on_version >= c.changed_in_version AS current,
                       p.shared, p.updated_at
                FROM text_position p JOIN text_clause c ON c.id = p.clause_id WHERE p.text_id = ? ORDER BY p.clause_id, p.party_id""")
                .param(textId)
                .query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2), Stance.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- comments

    long insertComment(long textId, Long clauseId, Long authorId, String author, String body) {
        return jdbc.sql("INSERT INTO text_comment (text_id, clause_id, author_id, author, body) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(textId, clauseId, authorId, author, body.strip()).query(Long.class).single();
    }

    List<Comment> comments(long textId) {
        return jdbc.sql("SELECT id, clause_id, author, body, created_at FROM text_comment WHERE text_id = ? ORDER BY created_at, id")
                .param(textId)
                .query((rs, n) -> new Comment(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- adoption and signatures

    void adopt(long textId, String sha256, String canonical, LocalDate entryIntoForce) {
        jdbc.sql("""
                UPDATE negotiating_text SET status = 'ADOPTED', adopted_at = now(), adopted_sha256 = ?, canonical_form = ?, entry_into_force = ?
                WHERE id = ?""").params(sha256, canonical, entryIntoForce, textId).update();
    }

    void insertSignature(long textId, long partyId, Long accountId, String signer, String verifierKey, String signedNote) {
        jdbc.sql("""
                INSERT INTO text_signature (text_id, party_id, account_id, signer, verifier_key, signed_note) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(textId, partyId, accountId, signer, verifierKey, signedNote).update();
    }

    List<Signature> signatures(long textId) {
        return jdbc.sql("SELECT party_id, signer, signed_at, verifier_key, signed_note FROM text_signature WHERE text_id = ? ORDER BY signed_at")
                .param(textId)
                .query((rs, n) -> new Signature(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A version as stored: the whole draft with its ids, so two versions can be compared clause by clause. */
    record Snapshot(String title, String preamble, List<DraftArticle> articles) {
    }
}
