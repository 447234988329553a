package org.parley.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.parley.commitments.Commitments;
import org.parley.petitions.Participant;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.TooManyRequestsException;
import org.parley.platform.Viewer;
import org.parley.roadmap.Roadmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen feedback. One answer per person per item: a second answer replaces the first, so the counts are of
 * people, not of clicks. Writes are rate limited per address (many emails from one place are a flood).
 * Templates reach the summaries as {@code @citizenFeedback}.
 */
@Service("citizenFeedback")
@Transactional(readOnly = true)
public class Feedback {

    public static final int MAX_COMMENT = 1000;
    static final int PER_IP_PER_HOUR = 30;
    static final int COMMENTS_SHOWN = 20;

    private final JdbcClient jdbc;
    private final Roadmap roadmap;
    private final Commitments commitments;
    private final Clock clock;

    Feedback(JdbcClient jdbc, Roadmap roadmap, Commitments commitments, Clock clock) {
        this.jdbc = jdbc;
        this.roadmap = roadmap;
        this.commitments = commitments;
        this.clock = clock;
    }

    @Transactional
    public FeedbackSummary give(long processId, FeedbackItem item, long itemId, NewFeedback f, Participant who, String ip) {
        requireItem(processId, item, itemId);
        if (f.answer() == null) {
            throw new InvalidInputException("answer", "feedback.answer.required");
        }
        String comment = f.comment() == null || f.comment().isBlank() ? null : f.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "feedback.comment.tooLong");
        }
        Instant now = clock.instant();
        String source = ip == null ? "" : ip;
        int recent = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM citizen_feedback WHERE process_id = ? AND ip = ? AND updated_at >= ? LIMIT ?) r")
                .params(processId, source, now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC), PER_IP_PER_HOUR).query(Integer.class).single();
        if (recent >= PER_IP_PER_HOUR) {
            throw new TooManyRequestsException("feedback.rateLimited");
        }
        jdbc.sql("""
                INSERT INTO citizen_feedback (process_id, item_kind, item_id, person_key, author_name, author_role, answer, comment, ip,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (process_id, item_kind, item_id, person_key) DO UPDATE SET answer = excluded.answer,
                    comment = excluded.comment, author_name = excluded.author_name, ip = excluded.ip, updated_at = excluded.updated_at""")
                .params(processId, item.name(), itemId, who.key(), who.name(), who.role(), f.answer().name(), comment, source,
                        now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
        return summary(processId, item, itemId);
    }

    public FeedbackSummary summary(long processId, FeedbackItem item, long itemId) {
        int[] counts = new int[Answer.values().length];
        jdbc.sql("SELECT answer, count(*) FROM citizen_feedback WHERE process_id = ? AND item_kind = ? AND item_id = ? GROUP BY answer")
                .params(processId, item.name(), itemId)
                .query((rs, n) -> counts[Answer.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2)).list();
        var comments = jdbc.sql("""
                SELECT author_name, author_role, answer, comment, updated_at FROM citizen_feedback
                WHERE process_id = ? AND item_kind = ? AND item_id = ? AND comment IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?""")
                .params(processId, item.name(), itemId, COMMENTS_SHOWN)
                .query((rs, n) -> new FeedbackSummary.Comment(rs.getString(1), rs.getString(2), Answer.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant())).list();
        return new FeedbackSummary(item, itemId, counts[Answer.YES.ordinal()], counts[Answer.PARTLY.ordinal()], counts[Answer.NO.ordinal()],
                comments);
    }

    /** This person's current answer on the item, if any. */
    public Optional<Answer> mine(long processId, FeedbackItem item, long itemId, Participant who) {
        return jdbc.sql("SELECT answer FROM citizen_feedback WHERE process_id = ? AND item_kind = ? AND item_id = ? AND person_key = ?")
                .params(processId, item.name(), itemId, who.key()).query((rs, n) -> Answer.valueOf(rs.getString(1))).optional();
    }

    private void requireItem(long processId, FeedbackItem item, long itemId) {
        switch (item) {
            case MILESTONE -> roadmap.milestone(processId, itemId);
            case COMMITMENT -> commitments.get(processId, itemId, Viewer.anonymous());
            default -> throw new NotFoundException("item", itemId);
        }
    }
}
