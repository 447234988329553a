package org.parley.feedback;

import java.time.Instant;
import java.util.List;

/** The answers on one item counted from the stored feedback, and the latest comments. */
public record FeedbackSummary(FeedbackItem item, long itemId, int yes, int partly, int no, List<Comment> comments) {

    public record Comment(String authorName, String authorRole, Answer answer, String comment, Instant at) {
    }

    public int total() {
        return yes + partly + no;
    }

    /** A share of all answers in whole percent, for bars. */
    public int percent(int n) {
        return total() == 0 ? 0 : Math.round(100f * n / total());
    }
}
