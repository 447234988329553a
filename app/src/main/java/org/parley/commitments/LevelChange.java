package org.parley.commitments;

import java.time.Instant;

/** One entry of a commitment's level history. */
public record LevelChange(long id, LevelKind kind, int level, int previousLevel, String reason, String evidence, String evidenceSha256,
                          String actor, Instant at) {
}
