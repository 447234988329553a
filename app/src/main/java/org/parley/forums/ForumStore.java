package org.parley.forums;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.petitions.Participant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for forums. Who may see or change what is the service's business. */
@Repository
class ForumStore {

    record ThreadRow(long id, long processId, ForumSubject subjectKind, long subjectId, String title, String language, Instant createdAt,
                     Instant lastPostAt, int posts, long openingPostId, PostStatus openingStatus) {
    }

    record PostRow(long id, long threadId, long processId, String authorName, String authorRole, String authorKey, String bodyHtml,
                   String language, Instant createdAt, PostStatus status, int reports, String moderationReason) {
    }

    record Follower(String email, String emailNorm, String language, String token) {
    }

    private final JdbcClient jdbc;

    ForumStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // --- settings

    Optional<ForumSettings> settings(long processId) {
        return jdbc.sql("SELECT report_threshold FROM forum_settings WHERE process_id = ?").param(processId)
                .query((rs, n) -> new ForumSettings(rs.getInt(1))).optional();
    }

    void saveSettings(long processId, ForumSettings s) {
        jdbc.sql("""
                INSERT INTO forum_settings (process_id, report_threshold) VALUES (?, ?)
                ON CONFLICT (process_id) DO UPDATE SET report_threshold = excluded.report_threshold""")
                .params(processId, s.reportThreshold()).update();
    }

    // --- threads

    private static final String THREADS = """
            SELECT t.*, (SELECT count(*) FROM forum_post p WHERE p.thread_id = t.id AND p.status = 'VISIBLE') AS posts,
                   o.id AS opening_id, o.status AS opening_status
            FROM forum_thread t JOIN LATERAL (SELECT id, status FROM forum_post WHERE thread_id = t.id ORDER BY id LIMIT 1) o ON true
            """;

    private static ThreadRow thread(ResultSet rs, int n) throws SQLException {
        return new ThreadRow(rs.getLong("id"), rs.getLong("process_id"), ForumSubject.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"), rs.getString("title"), rs.getString("language"), instant(rs, "created_at"),
                instant(rs, "last_post_at"), rs.getInt("posts"), rs.getLong("opening_id"), PostStatus.valueOf(rs.getString("opening_status")));
    }

    long insertThread(long processId, ForumSubject kind, long subjectId, String title, String language, Instant now) {
        return jdbc.sql("""
                INSERT INTO forum_thread (process_id, subject_kind, subject_id, title, language, created_at, last_post_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, kind.name(), subjectId, title, language, odt(now), odt(now)).query(Long.class).single();
    }

    Optional<ThreadRow> thread(long id) {
        return jdbc.sql(THREADS + " WHERE t.id = ?").param(id).query(ForumStore::thread).optional();
    }

    List<ThreadRow> threads(long processId, ForumSubject kind, Long subjectId, int limit) {
        String where = " WHERE t.process_id = ?" + (kind == null ? "" : " AND t.subject_kind = ?") + (subjectId == null ? "" : " AND t.subject_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(processId));
        if (kind != null) {
            params.add(kind.name());
        }
        if (subjectId != null) {
            params.add(subjectId);
        }
        params.add(limit);
        return jdbc.sql(THREADS + where + " ORDER BY t.last_post_at DESC, t.id DESC LIMIT ?").params(params).query(ForumStore::thread).list();
    }

    void touch(long threadId, Instant now) {
        jdbc.sql("UPDATE forum_thread SET last_post_at = ? WHERE id = ?").params(odt(now), threadId).update();
    }

    // --- posts

    private static final String POSTS = "SELECT p.*, t.process_id FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id";

    private static PostRow post(ResultSet rs, int n) throws SQLException {
        return new PostRow(rs.getLong("id"), rs.getLong("thread_id"), rs.getLong("process_id"), rs.getString("author_name"),
                rs.getString("author_role"), rs.getString("author_key"), rs.getString("body_html"), rs.getString("language"),
                instant(rs, "created_at"), PostStatus.valueOf(rs.getString("status")), rs.getInt("report_count"),
                rs.getString("moderation_reason"));
    }

    long insertPost(long threadId, Participant author, String bodyHtml, String language, Instant now) {
        return jdbc.sql("""
                INSERT INTO forum_post (thread_id, author_name, author_role, author_key, account_id, body_html, language, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(threadId, author.name(), author.role(), author.key(), author.accountId(), bodyHtml, language, odt(now))
                .query(Long.class).single();
    }

    Optional<PostRow> post(long id) {
        return jdbc.sql(POSTS + " WHERE p.id = ?").param(id).query(ForumStore::post).optional();
    }

    Optional<PostRow> lockPost(long id) {
        return jdbc.sql(POSTS + " WHERE p.id = ? FOR UPDATE OF p").param(id).query(ForumStore::post).optional();
    }

    List<PostRow> posts(long threadId) {
        return jdbc.sql(POSTS + " WHERE p.thread_id = ? ORDER BY p.id").param(threadId).query(ForumStore::post).list();
    }

    /** Hidden posts, and visible ones with reports since their last review: what moderators look at. */
    List<PostRow> queue(long processId) {
        return jdbc.sql(POSTS + " WHERE t.process_id = ? AND (p.status = 'HIDDEN' OR (p.status = 'VISIBLE' AND p.report_count > 0))"
                + " ORDER BY (p.status = 'HIDDEN') DESC, p.report_count DESC, p.id").param(processId).query(ForumStore::post).list();
    }

    int postsSince(String authorKey, Instant since) {
        return jdbc.sql("SELECT count(*) FROM forum_post WHERE author_key = ? AND created_at >= ?")
                .params(authorKey, odt(since)).query(Integer.class).single();
    }

    /** Records a report unless this reporter already reported the post; returns whether it was new. */
    boolean insertReport(long postId, String reporterKey, String reason, Instant now) {
        return jdbc.sql("INSERT INTO forum_report (post_id, reporter_key, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(postId, reporterKey, reason, odt(now)).update() == 1;
    }

    int addReport(long postId) {
        return jdbc.sql("UPDATE forum_post SET report_count = report_count + 1 WHERE id = ? RETURNING report_count")
                .param(postId).query(Integer.class).single();
    }

    void setStatus(long postId, PostStatus status) {
        jdbc.sql("UPDATE forum_post SET status = ? WHERE id = ?").params(status.name(), postId).update();
    }

    void review(long postId, PostStatus status, String reason, long reviewer, Instant now) {
        jdbc.sql("UPDATE forum_post SET status = ?, report_count = 0, reviewed_at = ?, reviewer_id = ?, moderation_reason = ? WHERE id = ?")
                .params(status.name(), odt(now), reviewer, reason, postId).update();
    }

    Map<String, String> reportReasons(long postId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, reason FROM forum_report WHERE post_id = ? ORDER BY id").param(postId)
                .query((rs, n) -> out.put(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
        return out;
    }

    // --- translations

    void translate(long postId, String language, String title, String bodyHtml, long translator, Instant now) {
        jdbc.sql("""
                INSERT INTO forum_translation (post_id, language, title, body_html, translator_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (post_id, language) DO UPDATE SET title = excluded.title, body_html = excluded.body_html,
                    translator_id = excluded.translator_id, created_at = excluded.created_at""")
                .params(postId, language, title, bodyHtml, translator, odt(now)).update();
    }

    /** Translations of the posts of a thread: post id → language → [title, body]. */
    Map<Long, Map<String, String[]>> translations(long threadId) {
        Map<Long, Map<String, String[]>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT tr.post_id, tr.language, tr.title, tr.body_html FROM forum_translation tr JOIN forum_post p ON p.id = tr.post_id
                WHERE p.thread_id = ? ORDER BY tr.post_id, tr.language""").param(threadId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), new String[] {rs.getString(3), rs.getString(4)})).list();
        return out;
    }

    /** Title translations of opening posts, for thread lists: opening post id → language → title. */
    Map<Long, Map<String, String>> titleTranslations(List<Long> openingPostIds) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        if (openingPostIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT post_id, language, title FROM forum_translation WHERE title IS NOT NULL AND post_id = ANY (?::bigint[])")
                .param("{" + String.join(",", openingPostIds.stream().map(String::valueOf).toList()) + "}")
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3))).list();
        return out;
    }

    // --- followers

    boolean follow(long threadId, String email, String emailNorm, String language, String token, Instant now) {
        return jdbc.sql("""
                INSERT INTO forum_follower (thread_id, email, email_norm, language, unfollow_token, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (thread_id, email_norm) DO NOTHING""")
                .params(threadId, email, emailNorm, language, token, odt(now)).update() == 1;
    }

    boolean following(long threadId, String emailNorm) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM forum_follower WHERE thread_id = ? AND email_norm = ?)")
                .params(threadId, emailNorm).query(Boolean.class).single();
    }

    List<Follower> followers(long threadId) {
        return jdbc.sql("SELECT * FROM forum_follower WHERE thread_id = ? ORDER BY id").param(threadId)
                .query((rs, n) -> new Follower(rs.getString("email"), rs.getString("email_norm"), rs.getString("language"),
                        rs.getString("unfollow_token"))).list();
    }

    Optional<Long> followerThread(String token) {
        return jdbc.sql("SELECT thread_id FROM forum_follower WHERE unfollow_token = ?").param(token).query(Long.class).optional();
    }

    boolean unfollow(String token) {
        return jdbc.sql("DELETE FROM forum_follower WHERE unfollow_token = ?").param(token).update() == 1;
    }

    void unfollow(long threadId, String emailNorm) {
        jdbc.sql("DELETE FROM forum_follower WHERE thread_id = ? AND email_norm = ?").params(threadId, emailNorm).update();
    }
}
