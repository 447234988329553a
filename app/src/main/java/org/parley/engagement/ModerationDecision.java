package org.parley.engagement;

/** A moderator's decision on a statement: accept, or reject with a reason. */
public record ModerationDecision(Boolean accept, String reason) {
}
