package org.parley.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.petitions.CitizenPassCookie;
import org.parley.platform.InvalidInputException;

import org.parley.platform.TooManyRequestsException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The feedback box's form on a milestone's and a commitment's page; the answer goes back to that page. */
@Controller
class FeedbackPages {

    private final Feedback feedback;
    private final CitizenPassCookie pass;

    FeedbackPages(Feedback feedback, CitizenPassCookie pass) {
        this.feedback = feedback;
        this.pass = pass;
    }

    @PostMapping("/processes/{processId}/milestones/{milestoneId}/feedback")
    String milestone(@PathVariable("processId") long pid, @PathVariable("milestoneId") long id, @RequestParam(required = false) String answer,
                     @RequestParam(required = false) String comment, HttpServletRequest request, RedirectAttributes flash) {
        return give(pid, FeedbackItem.MILESTONE, id, answer, comment, request, flash, "/processes/" + pid + "/milestones/" + id);
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/feedback")
    String commitment(@PathVariable("processId") long pid, @PathVariable("commitmentId") long id, @RequestParam(required = false) String answer,
                      @RequestParam(required = false) String comment, HttpServletRequest request, RedirectAttributes flash) {
        return give(pid, FeedbackItem.COMMITMENT, id, answer, comment, request, flash, "/processes/" + pid + "/commitments/" + id);
    }

    private String give(long pid, FeedbackItem item, long id, String answer, String comment, HttpServletRequest request,
                        RedirectAttributes flash, String back) {
        try {
            Answer a;
            try {
                a = answer == null ? null : Answer.valueOf(answer);
            } catch (IllegalArgumentException e) {
                a = null;
            }
            if (a == null) {
                throw new InvalidInputException("answer", "feedback.answer.required");
            }
            feedback.give(pid, item, id, new NewFeedback(a, comment), pass.participant(pid), request.getRemoteAddr());
            flash.addFlashAttribute("feedbackNotice", "feedback.thanks");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("feedbackError", e.problems().getFirst().code());
            flash.addFlashAttribute("feedbackComment", comment);
        } catch (TooManyRequestsException e) {
            flash.addFlashAttribute("feedbackError", e.getMessage());
            flash.addFlashAttribute("feedbackComment", comment);
        }
        return "redirect:" + back + "#feedback";
    }
}
