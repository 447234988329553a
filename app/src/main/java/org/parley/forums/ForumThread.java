package org.parley.forums;

import java.time.Instant;
import java.util.Map;

/**
 * A thread as the reader may see it. {@code title} is null when the opening post is hidden or removed;
 * {@code titleTranslations} maps a language to a moderator's translation of the title.
 */
public record ForumThread(long id, long processId, ForumSubject subjectKind, long subjectId, String subjectTitle, String title,
                          String language, Map<String, String> titleTranslations, Instant createdAt, Instant lastPostAt, int posts) {
}
