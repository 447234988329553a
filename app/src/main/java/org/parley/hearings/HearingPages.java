package org.parley.hearings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import org.parley.engagement.Consultations;
import org.parley.petitions.CitizenPassCookie;
import org.parley.petitions.Participant;
import org.parley.petitions.PetitionStatus;
import org.parley.petitions.Petitions;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hearing pages: the list, the mediator's form, and a hearing with registration, submissions, minutes and outcome. */
@Controller
class HearingPages {

    private final Hearings hearings;
    private final Processes processes;
    private final Petitions petitions;
    private final Consultations consultations;
    private final CitizenPassCookie pass;

    HearingPages(Hearings hearings, Processes processes, Petitions petitions, Consultations consultations, CitizenPassCookie pass) {
        this.hearings = hearings;
        this.processes = processes;
        this.petitions = petitions;
        this.consultations = consultations;
        this.pass = pass;
    }

    @GetMapping("/processes/{processId}/hearings")
    String list(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        model.addAttribute("hearings", hearings.list(pid));
        model.addAttribute("now", hearings.now());
        return "hearings/list";
    }

    @GetMapping("/processes/{processId}/hearings/new")
    String newForm(@PathVariable("processId") long pid, @RequestParam(required = false) Long petition, Model model) {
        mediated(pid, model);
        HearingForm form = new HearingForm();
        form.setStartsAt(LocalDateTime.ofInstant(hearings.now(), ZoneOffset.UTC).plusWeeks(2).truncatedTo(ChronoUnit.HOURS).toString());
        if (petition != null) {
            form.getPetitionIds().add(petition);
        }
        model.addAttribute("form", form);
        formChoices(pid, model);
        return "hearings/form";
    }

    @PostMapping("/processes/{processId}/hearings/new")
    ModelAndView schedule(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") HearingForm form, BindingResult result, Model model) {
        mediated(pid, model);
        if (form.getStartsAt() != null && !form.getStartsAt().isBlank() && form.start() == null) {
            result.rejectValue("startsAt", "hearings.startsAt.invalid");
        }
        if (!result.hasErrors()) {
            try {
                Hearing h = hearings.schedule(pid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/hearings/" + h.id());
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> result.rejectValue(p.field(), p.code(), p.args(), p.code()));
            }
        }
        formChoices(pid, model);
        ModelAndView mv = new ModelAndView("hearings/form", model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    @GetMapping("/processes/{processId}/hearings/{hearingId}")
    String hearing(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, Model model) {
        processModel(pid, model);
        Hearing h = hearings.get(pid, id);
        model.addAttribute("hearing", h);
        model.addAttribute("open", h.open(hearings.now()));
        model.addAttribute("started", !hearings.now().isBefore(h.startsAt()));
        model.addAttribute("submissions", hearings.submissions(pid, id));
        model.addAttribute("petitions", h.petitionIds().stream().map(p -> petitions.get(pid, p, Viewer.anonymous())).toList());
        model.addAttribute("consultation", h.consultationId() == null ? null : consultations.get(pid, h.consultationId()));
        model.addAttribute("party", h.partyId() == null ? null : processes.party(pid, h.partyId()));
        Viewer viewer = Viewer.current();
        boolean mediates = processes.mediates(pid, viewer);
        model.addAttribute("mediates", mediates);
        if (mediates) {
            model.addAttribute("registrations", hearings.registrations(pid, id, viewer));
        }
        Participant me = viewer.isAnonymous() ? pass.current(pid).map(Participant::of).orElse(null) : Participant.of(viewer);
        model.addAttribute("mine", me == null ? null : hearings.mine(id, me).orElse(null));
        model.addAttribute("canAct", me != null);
        return "hearings/hearing";
    }

    @PostMapping("/processes/{processId}/hearings/{hearingId}/register")
    String register(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, RedirectAttributes flash) {
        return act(pid, id, flash, () -> {
            Registration r = hearings.register(pid, id, pass.participant(pid));
            return r.status() == RegistrationStatus.REGISTERED ? "hearings.register.done" : "hearings.register.waiting";
        });
    }

    @PostMapping("/processes/{processId}/hearings/{hearingId}/unregister")
    String unregister(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, RedirectAttributes flash) {
        return act(pid, id, flash, () -> {
            hearings.cancelRegistration(pid, id, pass.participant(pid));
            return "hearings.register.cancelled";
        });
    }

    @PostMapping("/processes/{processId}/hearings/{hearingId}/submissions")
    String submit(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, @RequestParam(required = false) String body,
                  RedirectAttributes flash) {
        if (!run(flash, () -> {
            hearings.submit(pid, id, new NewSubmission(body, null), pass.participant(pid));
            return "hearings.submission.done";
        })) {
            flash.addFlashAttribute("submissionBody", body);
        }
        return "redirect:/processes/" + pid + "/hearings/" + id + "#submissions";
    }

    @PostMapping("/processes/{processId}/hearings/{hearingId}/minutes")
    String minutes(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, @RequestParam(required = false) String minutes,
                   @RequestParam(required = false) String outcome, RedirectAttributes flash) {
        boolean done;
        if (minutes == null || minutes.isBlank() || minutes.length() > 50_000 || outcome == null || outcome.isBlank() || outcome.length() > 10_000) {
            flash.addFlashAttribute("error", "hearings.minutes.incomplete");
            done = false;
        } else {
            done = run(flash, () -> {
                hearings.recordMinutes(pid, id, new Minutes(minutes, outcome), Viewer.current());
                return "hearings.minutes.done";
            });
        }
        if (!done) {
            flash.addFlashAttribute("minutesText", minutes == null ? "" : minutes);
            flash.addFlashAttribute("outcomeText", outcome == null ? "" : outcome);
        }
        return "redirect:/processes/" + pid + "/hearings/" + id + "#minutes";
    }

    @PostMapping("/processes/{processId}/hearings/{hearingId}/cancel")
    String cancel(@PathVariable("processId") long pid, @PathVariable("hearingId") long id, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return act(pid, id, flash, () -> {
            hearings.cancel(pid, id, reason, Viewer.current());
            return "hearings.cancel.done";
        });
    }

    private String act(long pid, long id, RedirectAttributes flash, Supplier<String> action) {
        run(flash, action);
        return "redirect:/processes/" + pid + "/hearings/" + id;
    }

    /** Runs a citizen's or the mediator's action; its message, or the reason it was refused, goes to the next page. */
    private static boolean run(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
            return true;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.problems().getFirst().code());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("errorArgs", e.args());
        } catch (ForbiddenException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return false;
    }

    private void formChoices(long pid, Model model) {
        model.addAttribute("partyList", processes.parties(pid));
        model.addAttribute("consultationList", consultations.list(pid));
        List<org.parley.petitions.Petition> published = petitions.list(pid, Viewer.current()).stream()
                .filter(p -> p.status() == PetitionStatus.OPEN || p.status() == PetitionStatus.CLOSED).toList();
        model.addAttribute("petitionList", published);
    }

    private void processModel(long pid, Model model) {
        model.addAttribute("process", processes.get(pid));
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
    }

    private void mediated(long pid, Model model) {
        processModel(pid, model);
        if (!processes.mediates(pid, Viewer.current())) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
    }
}
