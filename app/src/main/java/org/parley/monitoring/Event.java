package org.parley.monitoring;

import java.time.Instant;

/**
 * One event, grouped from the reports of it: its span in time, its place (the mean of the reports'), the
 * number of independent observers, its state and who decided it, and why.
 */
public record Event(long id, long processId, Category category, EventState state, Instant firstAt, Instant lastAt,
                    double latitude, double longitude, String admin1, int observers, int reports, Long attributedPartyId,
                    String decidedByName, String decisionReason, Instant decidedAt) {
}
