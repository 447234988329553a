package org.parley.roadmap;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process's milestones as a graph: works out due dates (following anchors), overdue and at-risk
 * flags for a given day, and finds would-be cycles. Pure: no database, so it is cheap to test.
 */
final class RoadmapGraph {

    private final Map<Long, MilestoneRow> rows = new HashMap<>();
    private final LocalDate processStart;
    private final Map<Long, Due> dues = new HashMap<>();

    record Due(LocalDate date, boolean projected) {
    }

    RoadmapGraph(LocalDate processStart, List<MilestoneRow> milestones) {
        this.processStart = processStart;
        milestones.forEach(m -> rows.put(m.id(), m));
    }

    Due due(long id) {
        Due known = dues.get(id);
        if (known != null) {
            return known;
        }
        MilestoneRow m = rows.get(id);
        Due due = switch (m.dueKind()) {
            case DATE -> new Due(m.fixedDate(), false);
            case AFTER_START -> new Due(m.offsetUnit().add(processStart, m.offsetAmount()), false);
            case AFTER_MILESTONE -> {
                MilestoneRow anchor = rows.get(m.anchorId());
                if (anchor.status() == MilestoneStatus.COMPLETED) {
                    yield new Due(m.offsetUnit().add(anchor.completedOn(), m.offsetAmount()), false);
                }
                yield new Due(m.offsetUnit().add(due(anchor.id()).date(), m.offsetAmount()), true);
            }
        };
        dues.put(id, due);
        return due;
    }

    Milestone view(long id, LocalDate today, int atRiskDays) {
        MilestoneRow m = rows.get(id);
        Due due = due(id);
        boolean open = m.status() == MilestoneStatus.PLANNED || m.status() == MilestoneStatus.IN_PROGRESS;
        boolean overdue = open && due.date().isBefore(today);
        boolean dependencyOpen = m.dependsOn().stream().map(rows::get).anyMatch(d -> !d.status().isSettled());
        boolean atRisk = open && !overdue && dependencyOpen && !due.date().isAfter(today.plusDays(atRiskDays));
        return new Milestone(m.id(), m.processId(), m.trackId(), m.title(), m.description(), m.dueKind(), m.fixedDate(),
                m.offsetAmount(), m.offsetUnit(), m.anchorId(), m.status(), m.completedOn(), m.partyIds(), m.dependsOn(),
                due.date(), due.projected(), overdue, atRisk);
    }

    /**
     * Whether giving {@code milestoneId} these dependencies would close a cycle: that is, whether the
     * milestone can already be reached from one of them.
     */
    boolean wouldCycle(long milestoneId, List<Long> dependsOn) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(dependsOn);
        while (!todo.isEmpty()) {
            long next = todo.pop();
            if (next == milestoneId) {
                return true;
            }
            if (seen.add(next) && rows.containsKey(next)) {
                todo.addAll(rows.get(next).dependsOn());
            }
        }
        return false;
    }

    boolean contains(long id) {
        return rows.containsKey(id);
    }

    MilestoneRow row(long id) {
        return rows.get(id);
    }
}
