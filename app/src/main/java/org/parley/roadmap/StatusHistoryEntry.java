package org.parley.roadmap;

import java.time.Instant;

/** One change in a milestone's life: who, when, why, and the evidence (with its SHA-256, which the public record keeps). */
public record StatusHistoryEntry(long id, MilestoneStatus from, MilestoneStatus to, Instant at, String by, String reason,
                                 String evidence, String evidenceHash) {
}
