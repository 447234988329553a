package org.parley.engagement;

/** A vote on a statement; a later vote on the same statement replaces the earlier one. */
public record NewVote(Long statementId, VoteChoice vote) {
}
