package org.parley.monitoring;

/** A verifier's decision on an event: the new state, the reason, and for a verified event the party it is attributed to. */
public record Decision(EventState state, String reason, Long attributedPartyId) {
}
