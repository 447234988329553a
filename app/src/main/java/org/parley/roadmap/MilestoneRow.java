package org.parley.roadmap;

import java.time.LocalDate;
import java.util.List;

/** A milestone as stored, before its due date is worked out against the rest of the roadmap. */
record MilestoneRow(long id, long processId, Long trackId, String title, String description, DueKind dueKind,
                    LocalDate fixedDate, Integer offsetAmount, OffsetUnit offsetUnit, Long anchorId, MilestoneStatus status,
                    LocalDate completedOn, List<Long> partyIds, List<Long> dependsOn) {
}
