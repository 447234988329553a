package org.parley.feedback;

import org.parley.petitions.CitizenPassCookie;
import org.parley.petitions.Participant;
import org.parley.platform.Viewer;
import org.springframework.stereotype.Component;

/**
 * What the feedback box on a milestone's or a commitment's page shows: the counts, the latest comments and the
 * reader's own answer. Other features' templates include {@code feedback/panel :: panel(...)}, which asks this
 * bean ({@code @feedbackPanel}); they need no code of ours.
 */
@Component("feedbackPanel")
public class FeedbackPanel {

    /** The box's content. {@code mine} is the reader's answer (null if none); {@code canAnswer} whether they may answer now. */
    public record Panel(String kind, long processId, long itemId, FeedbackSummary summary, Answer mine, boolean canAnswer) {
    }

    private final Feedback feedback;
    private final CitizenPassCookie pass;

    FeedbackPanel(Feedback feedback, CitizenPassCookie pass) {
        this.feedback = feedback;
        this.pass = pass;
    }

    public Panel of(long processId, String kind, long itemId) {
        FeedbackItem item = FeedbackItem.valueOf(kind);
        Viewer viewer = Viewer.current();
        Participant me = viewer.isAnonymous() ? pass.current(processId).map(Participant::of).orElse(null) : Participant.of(viewer);
        return new Panel(kind, processId, itemId, feedback.summary(processId, item, itemId),
                me == null ? null : feedback.mine(processId, item, itemId, me).orElse(null), me != null);
    }
}
