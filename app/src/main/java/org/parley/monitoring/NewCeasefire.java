package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A ceasefire scope: linked to a roadmap milestone, in force from {@code startsAt} (to {@code endsAt}), over
 * a geography ({@code coordinates} as [longitude, latitude] pairs: a closed ring for a polygon, a line for
 * a contact line with {@code bufferKm} on both sides), covering some categories of events, or with
 * {@code allKinetic} every use of force (all kinetic categories, also ones added later).
 */
public record NewCeasefire(String name, Long milestoneId, Instant startsAt, Instant endsAt, Geography geography,
                           List<List<Double>> coordinates, Double bufferKm, List<String> categories, Boolean allKinetic) {

    public NewCeasefire(String name, Long milestoneId, Instant startsAt, Instant endsAt, Geography geography, List<List<Double>> coordinates,
                        Double bufferKm, List<String> categories) {
        this(name, milestoneId, startsAt, endsAt, geography, coordinates, bufferKm, categories, false);
    }

    boolean kinetic() {
        return Boolean.TRUE.equals(allKinetic);
    }
}
