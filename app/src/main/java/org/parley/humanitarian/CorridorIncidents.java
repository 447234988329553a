package org.parley.humanitarian;

import java.time.Instant;

/**
 * Where corridor safety comes from: the verified incidents near a corridor's route during its window. The
 * monitoring feature is to provide it; until a bean of this type exists, corridors show that no incident check
 * is available and an outcome is recorded as given (always with a reason).
 */
public interface CorridorIncidents {

    /** Verified incidents within the buffer of the straight route between the two points, in the window. */
    int verifiedIncidents(long processId, Double fromLat, Double fromLon, Double toLat, Double toLon, Instant from, Instant to);
}
