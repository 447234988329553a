package org.parley.roadmap;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone as the reader sees it: its due rule and the due date computed from it today. When the
 * due date hangs on a milestone not yet completed, it is a projection from that milestone's own due
 * date ({@code dueProjected}).
 */
public record Milestone(long id, long processId, Long trackId, String title, String description,
                        DueKind dueKind, LocalDate fixedDate, Integer offsetAmount, OffsetUnit offsetUnit, Long anchorMilestoneId,
                        MilestoneStatus status, LocalDate completedOn, List<Long> partyIds, List<Long> dependsOn,
                        LocalDate dueDate, boolean dueProjected, boolean overdue, boolean atRisk) {
}
