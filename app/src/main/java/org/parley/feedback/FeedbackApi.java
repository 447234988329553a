package org.parley.feedback;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.parley.petitions.CitizenPasses;
import org.parley.platform.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Feedback as JSON: the summary of a milestone or a commitment, and an answer (a citizen pass in X-Citizen-Pass, or an account). */
@RestController
class FeedbackApi {

    private final Feedback feedback;
    private final CitizenPasses passes;

    FeedbackApi(Feedback feedback, CitizenPasses passes) {
        this.feedback = feedback;
        this.passes = passes;
    }

    @GetMapping("/api/v1/processes/{processId}/milestones/{milestoneId}/feedback")
    FeedbackSummary milestone(@PathVariable long processId, @PathVariable long milestoneId) {
        return feedback.summary(processId, FeedbackItem.MILESTONE, milestoneId);
    }

    @PostMapping("/api/v1/processes/{processId}/milestones/{milestoneId}/feedback")
    FeedbackSummary onMilestone(@PathVariable long processId, @PathVariable long milestoneId, @Valid @RequestBody NewFeedback f,
                                @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass, HttpServletRequest request) {
        return feedback.give(processId, FeedbackItem.MILESTONE, milestoneId, f, passes.participant(processId, Viewer.current(), pass),
                request.getRemoteAddr());
    }

    @GetMapping("/api/v1/processes/{processId}/commitments/{commitmentId}/feedback")
    FeedbackSummary commitment(@PathVariable long processId, @PathVariable long commitmentId) {
        return feedback.summary(processId, FeedbackItem.COMMITMENT, commitmentId);
    }

    @PostMapping("/api/v1/processes/{processId}/commitments/{commitmentId}/feedback")
    FeedbackSummary onCommitment(@PathVariable long processId, @PathVariable long commitmentId, @Valid @RequestBody NewFeedback f,
                                 @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass, HttpServletRequest request) {
        return feedback.give(processId, FeedbackItem.COMMITMENT, commitmentId, f, passes.participant(processId, Viewer.current(), pass),
                request.getRemoteAddr());
    }
}
