package org.parley.commitments;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.texts.PageSupport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The events deadlines count from: what is awaited, what has happened (when, on whose word, with what evidence), and
 * which commitments' deadlines hang on each. The mediator names events; the mediator or an observer records them.
 */
@Controller
class DeadlineEventsPages {

    private final DeadlineEvents events;
    private final Commitments commitments;
    private final PageSupport pages;

    DeadlineEventsPages(DeadlineEvents events, Commitments commitments, PageSupport pages) {
        this.events = events;
        this.commitments = commitments;
        this.pages = pages;
    }

    @GetMapping("/processes/{processId}/deadline-events")
    String list(@PathVariable("processId") long pid, Model model) {
        model(pid, model);
        model.addAttribute("submitted", Map.of());
        return "commitments/events";
    }

    @PostMapping("/processes/{processId}/deadline-events")
    ModelAndView define(@PathVariable("processId") long pid, @RequestParam(name = "title", defaultValue = "") String title,
                        @RequestParam(name = "description", defaultValue = "") String description, Model model, HttpServletRequest request,
                        RedirectAttributes redirect) {
        DeadlineEvent.Input input = new DeadlineEvent.Input(title, description);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("title", title);
        submitted.put("description", description);
        return attempt(pid, "define", submitted, input, model, request, redirect, "commitments.event.defined",
                () -> events.define(pid, input, Viewer.current()));
    }

    @PostMapping("/processes/{processId}/deadline-events/{eventId}/occurred")
    ModelAndView occurred(@PathVariable("processId") long pid, @PathVariable("eventId") long eventId,
                          @RequestParam(name = "occurredOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                          @RequestParam(name = "reason", defaultValue = "") String reason,
                          @RequestParam(name = "evidence", defaultValue = "") String evidence, Model model, HttpServletRequest request,
                          RedirectAttributes redirect) {
        DeadlineEvent.Occurrence occurrence = new DeadlineEvent.Occurrence(occurredOn, reason, evidence);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("occurredOn", occurredOn);
        submitted.put("reason", reason);
        submitted.put("evidence", evidence);
        return attempt(pid, "event-" + eventId, submitted, occurrence, model, request, redirect, "commitments.event.recorded",
                () -> events.occurred(pid, eventId, occurrence, Viewer.current()));
    }

    private ModelAndView attempt(long pid, String form, Map<String, Object> submitted, Object input, Model model, HttpServletRequest request,
                                 RedirectAttributes redirect, String notice, Runnable action) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/deadline-events");
        List<String> problems = pages.validate(input, "commitments");
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (problems.isEmpty()) {
            try {
                action.run();
                redirect.addFlashAttribute("notice", notice);
                return new ModelAndView("redirect:/processes/" + pid + "/deadline-events#" + form);
            } catch (InvalidInputException e) {
                problems = pages.messagesOf(e, "commitments");
            } catch (ConflictException e) {
                problems = List.of(pages.message(e.getMessage(), e.args()));
                status = HttpStatus.CONFLICT;
            }
        }
        model(pid, model);
        model.addAttribute("failedForm", form);
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        return PageSupport.withStatus("commitments/events", status);
    }

    private void model(long pid, Model model) {
        pages.process(pid, model);
        model.addAttribute("events", events.list(pid));
        model.addAttribute("mayRecord", events.mayRecord(pid, Viewer.current()));
        model.addAttribute("today", commitments.today());
        model.addAttribute("waiting", commitments.list(pid, Viewer.current()).stream().filter(c -> c.anchorEventId() != null)
                .collect(Collectors.groupingBy(Commitment::anchorEventId)));
    }
}
