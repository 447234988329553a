package org.parley.monitoring;

import java.time.LocalDate;

/** Filters of the dashboard, map and exports. Every field is optional. */
public record EventFilter(LocalDate from, LocalDate to, Category category, Long partyId, EventState state, String admin1) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null);
    }
}
