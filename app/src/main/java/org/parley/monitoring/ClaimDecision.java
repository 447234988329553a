package org.parley.monitoring;

/** Observers' decision on a claim: VERIFIED or REFUTED, why, and optionally the event that verifies it. */
public record ClaimDecision(ClaimStatus status, String reason, Long eventId) {
}
