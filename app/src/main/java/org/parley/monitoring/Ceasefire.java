package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

public record Ceasefire(long id, long processId, Long milestoneId, String name, Instant startsAt, Instant endsAt, Geography geography,
                        List<List<Double>> coordinates, Double bufferKm, List<Category> categories) {

    public boolean inForce(Instant t) {
        return !t.isBefore(startsAt) && (endsAt == null || t.isBefore(endsAt));
    }
}
