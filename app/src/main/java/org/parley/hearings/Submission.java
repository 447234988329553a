package org.parley.hearings;

import java.time.Instant;

/** A written submission as the public sees it: who wrote it (a name, and the role of an account) and what. */
public record Submission(long id, String authorName, String authorRole, String body, String language, Instant createdAt) {
}
