package org.parley.roadmap;

import java.util.EnumSet;
import java.util.Set;

public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, COMPLETED, MISSED, CANCELLED;

    /** Completed and cancelled are final: a finished milestone is corrected by a new one, not by rewriting history. */
    public Set<MilestoneStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, COMPLETED, MISSED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(PLANNED, COMPLETED, MISSED, CANCELLED);
            case MISSED -> EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(MilestoneStatus.class);
        };
    }

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS || this == MISSED;
    }

    /** Whether a milestone that depends on this one may go ahead. */
    public boolean isSettled() {
        return this == COMPLETED || this == CANCELLED;
    }
}
