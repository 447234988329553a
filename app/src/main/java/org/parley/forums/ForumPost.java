package org.parley.forums;

import java.time.Instant;
import java.util.Map;

/**
 * A post as the reader may see it: {@code bodyHtml} is sanitised HTML, and null for the public when the post
 * is hidden or removed (moderators still see it, to review it). {@code authorRole} is null for a citizen.
 * {@code translations} maps a language to a moderator's translation of the body.
 */
public record ForumPost(long id, long threadId, String authorName, String authorRole, String bodyHtml, String language,
                        Instant createdAt, PostStatus status, int reports, String moderationReason, Map<String, String> translations) {
}
