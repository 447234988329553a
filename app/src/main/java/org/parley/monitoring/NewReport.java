package org.parley.monitoring;

import java.time.Instant;

/**
 * An observer's report as it arrives, from a form or a device that was offline (then with its own
 * {@code clientId}, so a repeated upload is accepted once). Checked by {@link Monitoring}, field by field.
 */
public record NewReport(String clientId, String team, Instant observedFrom, Instant observedTo,
                        Double latitude, Double longitude, Integer precisionM, String place, String admin1, String admin2,
                        String category, Integer quantity, String direction, Integer distanceM, String weapon,
                        Long allegedPartyId, String allegedBy,
                        Integer killedCivilian, Integer killedMilitary, Integer injuredCivilian, Integer injuredMilitary,
                        String sources, String confidence, String description, String language) {

    NewReport withTeam(String t) {
        return new NewReport(clientId, t, observedFrom, observedTo, latitude, longitude, precisionM, place, admin1, admin2, category, quantity,
                direction, distanceM, weapon, allegedPartyId, allegedBy, killedCivilian, killedMilitary, injuredCivilian, injuredMilitary, sources,
                confidence, description, language);
    }

    /** A short report: a place, a time and what was seen. */
    public static NewReport of(String clientId, Instant at, double latitude, double longitude, Category category, String description) {
        return new NewReport(clientId, null, at, null, latitude, longitude, 100, null, null, null, category.name(), 1, null, null, null,
                null, null, null, null, null, null, null, "MEDIUM", description, "en");
    }
}
