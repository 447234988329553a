package org.parley.roadmap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class RoadmapEvents {

    private RoadmapEvents() {
    }

    public record MilestoneCreated(long processId, long milestoneId, String title, LocalDate dueDate, List<Long> partyIds,
                                   List<Long> dependsOn, Instant at) {
    }

    public record MilestoneStatusChanged(long processId, long milestoneId, MilestoneStatus from, MilestoneStatus to,
                                         String reason, String evidenceHash, Instant at) {
    }
}
