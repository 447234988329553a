package org.parley.humanitarian;

import java.util.Set;

/**
 * A delivery's way: requested by an agency, notified to the parties, deconflicted once every notified party
 * has acknowledged, under way, and then delivered, blocked or attacked.
 */
public enum DeliveryStatus {
    REQUESTED, NOTIFIED, DECONFLICTED, UNDER_WAY, DELIVERED, BLOCKED, ATTACKED;

    /** The statuses an agency may set by hand from this one (notification and deconfliction have their own steps). */
    public Set<DeliveryStatus> next() {
        return switch (this) {
            case REQUESTED, NOTIFIED -> Set.of(BLOCKED);
            case DECONFLICTED -> Set.of(UNDER_WAY, BLOCKED);
            case UNDER_WAY -> Set.of(DELIVERED, BLOCKED, ATTACKED);
            case DELIVERED, BLOCKED, ATTACKED -> Set.of();
        };
    }

    public boolean isOutcome() {
        return this == DELIVERED || this == BLOCKED || this == ATTACKED;
    }
}
