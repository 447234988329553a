package org.parley.commitments;

import org.parley.roadmap.Milestone;
import org.parley.roadmap.MilestoneStatus;
import org.parley.roadmap.Roadmap;
import org.parley.roadmap.RoadmapEvents.MilestoneStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deadlines that count from a milestone's completion turn into dates when the roadmap says the milestone is completed.
 * The listener runs in the roadmap's transaction, so the completion is kept here exactly when it is kept there. The
 * event carries no date and a completion may be back-dated, so the date is read from the roadmap's public API.
 */
@Component
class MilestoneCompletions {

    private final Roadmap roadmap;
    private final CommitmentStore store;

    MilestoneCompletions(Roadmap roadmap, CommitmentStore store) {
        this.roadmap = roadmap;
        this.store = store;
    }

    @EventListener
    void on(MilestoneStatusChanged e) {
        if (e.to() == MilestoneStatus.COMPLETED) {
            note(roadmap.milestone(e.processId(), e.milestoneId()));
        }
    }

    /** Keeps a milestone's completion, if it is completed; also for one completed before a commitment was anchored to it. */
    void note(Milestone m) {
        if (m.status() == MilestoneStatus.COMPLETED && m.completedOn() != null) {
            store.milestoneCompleted(m.id(), m.processId(), m.completedOn());
        }
    }
}
