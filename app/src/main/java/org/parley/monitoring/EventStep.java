package org.parley.monitoring;

import java.time.Instant;

/** One step of an event's history: from which state to which, by whom, why. */
public record EventStep(long id, long eventId, EventState fromState, EventState toState, String actorName, String actorRole,
                        String reason, Instant at) {
}
