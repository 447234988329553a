package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A ceasefire scope as stored. It covers the categories it names and, when {@code allKinetic}, every kinetic
 * category of the process, also one added after the ceasefire was defined (a general ceasefire).
 */
public record Ceasefire(long id, long processId, Long milestoneId, String name, Instant startsAt, Instant endsAt, Geography geography,
                        List<List<Double>> coordinates, Double bufferKm, List<Category> categories, boolean allKinetic) {

    public boolean inForce(Instant t) {
        return !t.isBefore(startsAt) && (endsAt == null || t.isBefore(endsAt));
    }

    public boolean covers(Category c) {
        return categories.contains(c) || (allKinetic && c.kinetic());
    }
}
