package org.parley.monitoring;

import java.time.Instant;

/**
 * An event as an outside source (UCDP GED, ACLED) reported it, imported from its file. Never grouped into
 * Parley's events, never verified, never counted with them: observers and mediators see it marked as an outside
 * source.
 */
public record OutsideReport(long id, long processId, Long importId, String source, String externalId, Instant observedFrom,
                            Instant observedTo, double latitude, double longitude, Integer precisionM, String place, String admin1,
                            String admin2, Category category, Integer killedCivilian, Integer killedMilitary, Integer deathsBest,
                            String sources, String description) {
}
