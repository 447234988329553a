package org.parley.petitions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * The petition pages: the list, a petition with its count (live), regions, responses and forms, the
 * citizens' forms and the pages their emailed links open (each with a POST button), and the mediator's
 * settings, blocks and outbox.
 */
@Controller
class PetitionPages {

    private final Petitions petitions;
    private final Processes processes;
    private final MailDispatcher mail;
    private final java.time.Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<PetitionHearings> hearings;
    private final PetitionRegions regions;
    private final PetitionAlerts alerts;

    PetitionPages(Petitions petitions, Processes processes, MailDispatcher mail, java.time.Clock clock,
                  org.springframework.beans.factory.ObjectProvider<PetitionHearings> hearings, PetitionRegions regions, PetitionAlerts alerts) {
        this.regions = regions;
        this.alerts = alerts;
        this.petitions = petitions;
        this.processes = processes;
        this.mail = mail;
        this.clock = clock;
        this.hearings = hearings;
    }

    // --- list and petition

    @GetMapping("/processes/{processId}/petitions")
    String list(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        List<Petition> all = petitions.list(pid, Viewer.current());
        model.addAttribute("open", all.stream().filter(p -> p.status() == PetitionStatus.OPEN).toList());
        model.addAttribute("closed", all.stream().filter(p -> p.status() == PetitionStatus.CLOSED).toList());
        model.addAttribute("waiting", all.stream().filter(p -> p.status() == PetitionStatus.GATHERING || p.status() == PetitionStatus.MODERATION).toList());
        model.addAttribute("rejected", all.stream().filter(p -> p.status() == PetitionStatus.REJECTED).toList());
        model.addAttribute("settings", petitions.settings(pid));
        return "petitions/list";
    }

    @GetMapping("/processes/{processId}/petitions/{petitionId}")
    String petition(@PathVariable("processId") long pid, @PathVariable("petitionId") long id, Model model) {
        processModel(pid, model);
        if (!model.containsAttribute("signForm")) {
            model.addAttribute("signForm", new PetitionForms.SignForm());
        }
        return petitionPage(pid, id, model);
    }

    /** The live count, polled by the petition page every second. */
    @GetMapping("/processes/{processId}/petitions/{petitionId}/count")
    String count(@PathVariable("processId") long pid, @PathVariable("petitionId") long id, Model model) {
        model.addAttribute("petition", petitions.get(pid, id, Viewer.current()));
        return "petitions/petition :: count";
    }

    private String petitionPage(long pid, long id, Model model) {
        Viewer viewer = Viewer.current();
        Petition p = petitions.get(pid, id, viewer);
        model.addAttribute("petition", p);
        model.addAttribute("settings", petitions.settings(pid));
        boolean mediates = processes.mediates(pid, viewer);
        model.addAttribute("mediates", mediates);
        boolean addressed = (viewer.is(Role.DELEGATE) && viewer.partyId() != null && p.partyIds().contains(viewer.partyId()))
                || (p.toMediator() && mediates);
        model.addAttribute("canRespond", addressed && p.status().published() && p.responses().stream()
                .noneMatch(r -> r.respondedAt() != null && (viewer.is(Role.DELEGATE) ? viewer.partyId().equals(r.partyId()) : r.partyId() == null)));
        model.addAttribute("signable", p.status().signable() && (p.closesAt() == null || clock.instant().isBefore(p.closesAt())));
        model.addAttribute("tallies", p.status().published() ? petitions.tallies(pid, id) : List.of());
        model.addAttribute("regionMap", regions.map(p.byRegion()));
        PetitionHearings linked = hearings.getIfAvailable();
        model.addAttribute("hearings", linked == null || !p.status().published() ? List.of() : linked.ofPetition(pid, id));
        if (mediates) {
            model.addAttribute("trending", petitions.trending(pid, id, viewer));
            model.addAttribute("invalidations", petitions.invalidations(pid, id, viewer));
            model.addAttribute("kinds", Invalidation.Kind.values());
            model.addAttribute("alerts", alerts.open(pid, id, viewer));
        }
        return "petitions/petition";
    }

    // --- creating

    @GetMapping("/processes/{processId}/petitions/new")
    String newPetition(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        model.addAttribute("form", new PetitionForms.PetitionForm());
        return "petitions/new";
    }

    @PostMapping("/processes/{processId}/petitions/new")
    ModelAndView create(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") PetitionForms.PetitionForm form,
                        BindingResult result, Model model, HttpServletRequest request) {
        processModel(pid, model);
        if (!result.hasErrors()) {
            try {
                petitions.create(pid, form.command(LocaleContextHolder.getLocale().getLanguage().matches("en|uk|ru")
                        ? LocaleContextHolder.getLocale().getLanguage() : "en"), request.getRemoteAddr());
                model.addAttribute("message", "petitions.created.checkMail");
                return new ModelAndView("petitions/notice", model.asMap());
            } catch (InvalidInputException e) {
                PetitionForms.addTo(result, e);
            }
        }
        return invalid("petitions/new", model);
    }

    @GetMapping("/petitions/creation")
    String creationLink(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "petitions/creation";
    }

    @PostMapping("/petitions/creation")
    String confirmCreation(@RequestParam(name = "t", required = false) String token, RedirectAttributes flash) {
        Petition p = petitions.confirmCreation(token);
        flash.addFlashAttribute("notice", "petitions.created.confirmed");
        return "redirect:/processes/" + p.processId() + "/petitions/" + p.id();
    }

    // --- signing

    @PostMapping("/processes/{processId}/petitions/{petitionId}/sign")
    ModelAndView sign(@PathVariable("processId") long pid, @PathVariable("petitionId") long id,
                      @Valid @ModelAttribute("signForm") PetitionForms.SignForm form, BindingResult result, Model model,
                      HttpServletRequest request) {
        processModel(pid, model);
        if (!result.hasErrors()) {
            try {
                petitions.sign(pid, id, form.command(), request.getRemoteAddr());
                model.addAttribute("message", "petitions.signed.checkMail");
                model.addAttribute("backTo", "/processes/" + pid + "/petitions/" + id);
                return new ModelAndView("petitions/notice", model.asMap());
            } catch (InvalidInputException e) {
                PetitionForms.addTo(result, e);
            } catch (RateLimitedException e) {
                result.reject(e.getMessage(), e.getMessage());
                ModelAndView mv = new ModelAndView(petitionPage(pid, id, model), model.asMap());
                mv.setStatus(HttpStatus.TOO_MANY_REQUESTS);
                return mv;
            }
        }
        return invalid(petitionPage(pid, id, model), model);
    }

    @GetMapping("/petitions/signature")
    String signatureLink(@RequestParam(name = "t", required = false) String token, Model model) {
        SignatureView s = petitions.signature(token);
        model.addAttribute("signature", s);
        model.addAttribute("token", token);
        processModel(s.processId(), model);
        return "petitions/signature";
    }

    @PostMapping("/petitions/signature/confirm")
    String confirmSignature(@RequestParam(name = "t", required = false) String token, Model model) {
        boolean counted = petitions.confirmSignature(token);
        model.addAttribute("justCounted", counted);
        return signatureLink(token, model);
    }

    @PostMapping("/petitions/signature/withdraw")
    String withdraw(@RequestParam(name = "t", required = false) String token, Model model) {
        petitions.withdraw(token);
        return signatureLink(token, model);
    }

    // --- mediator and addressees

    @PostMapping("/processes/{processId}/petitions/{petitionId}/moderate")
    String moderate(@PathVariable("processId") long pid, @PathVariable("petitionId") long id, @RequestParam(required = false) String decision,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(pid, id, flash, () -> petitions.moderate(pid, id, new Moderation("publish".equals(decision), reason), Viewer.current()),
                "publish".equals(decision) ? "petitions.moderate.published" : "petitions.moderate.rejected");
    }

    @PostMapping("/processes/{processId}/petitions/{petitionId}/respond")
    String respond(@PathVariable("processId") long pid, @PathVariable("petitionId") long id, @RequestParam(required = false) String body,
                   RedirectAttributes flash) {
        if (body == null || body.isBlank() || body.length() > 10_000) {
            flash.addFlashAttribute("error", "petitions.respond.bodyRequired");
            return "redirect:/processes/" + pid + "/petitions/" + id;
        }
        return act(pid, id, flash, () -> petitions.respond(pid, id, new NewResponse(body), Viewer.current()), "petitions.respond.done");
    }

    @PostMapping("/processes/{processId}/petitions/{petitionId}/invalidate")
    String invalidate(@PathVariable("processId") long pid, @PathVariable("petitionId") long id, @RequestParam(required = false) Invalidation.Kind kind,
                      @RequestParam(required = false) String value,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime to,
                      @RequestParam(required = false) String reason, RedirectAttributes flash) {
        if (kind == null || reason == null || reason.isBlank() || reason.length() > 2000) {
            flash.addFlashAttribute("error", "petitions.invalidate.incomplete");
            return "redirect:/processes/" + pid + "/petitions/" + id;
        }
        Invalidation inv = new Invalidation(kind, value, from == null ? null : from.toInstant(java.time.ZoneOffset.UTC),
                to == null ? null : to.toInstant(java.time.ZoneOffset.UTC), reason);
        return act(pid, id, flash, () -> petitions.invalidate(pid, id, inv, Viewer.current()), "petitions.invalidate.done");
    }

    private String act(long pid, long id, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.problems().getFirst().code());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/processes/" + pid + "/petitions/" + id;
    }

    @PostMapping("/processes/{processId}/petition-alerts/{alertId}/acknowledge")
    String acknowledge(@PathVariable("processId") long pid, @PathVariable("alertId") long alertId, RedirectAttributes flash) {
        long petition = alerts.acknowledge(pid, alertId, Viewer.current());
        flash.addFlashAttribute("notice", "petitions.alerts.acknowledged");
        return "redirect:/processes/" + pid + "/petitions/" + petition + "#alerts";
    }

    // --- settings, blocks, outbox

    @GetMapping("/processes/{processId}/petition-settings")
    String settings(@PathVariable("processId") long pid, Model model) {
        mediated(pid, model);
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", PetitionForms.SettingsForm.of(petitions.settings(pid)));
        }
        model.addAttribute("blocks", petitions.blocks(pid, Viewer.current()));
        model.addAttribute("blockKinds", Block.Kind.values());
        return "petitions/settings";
    }

    @PostMapping("/processes/{processId}/petition-settings")
    String saveSettings(@PathVariable("processId") long pid, @Valid @ModelAttribute("settings") PetitionForms.SettingsForm s, BindingResult result,
                        Model model, RedirectAttributes flash) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                petitions.updateSettings(pid, s.command(), Viewer.current());
                flash.addFlashAttribute("notice", "petitions.settings.saved");
                return "redirect:/processes/" + pid + "/petition-settings";
            } catch (InvalidInputException e) {
                PetitionForms.addTo(result, e);
            }
        }
        model.addAttribute("blocks", petitions.blocks(pid, Viewer.current()));
        model.addAttribute("blockKinds", Block.Kind.values());
        return "petitions/settings";
    }

    @PostMapping("/processes/{processId}/petition-settings/blocks")
    String block(@PathVariable("processId") long pid, @RequestParam(required = false) Block.Kind kind, @RequestParam(required = false) String value,
                 @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        mediated(pid, model);
        if (kind == null || value == null || value.isBlank() || value.length() > 254 || reason == null || reason.isBlank() || reason.length() > 500) {
            flash.addFlashAttribute("error", "petitions.block.incomplete");
        } else {
            try {
                petitions.block(pid, new Block(null, kind, value, reason, null), Viewer.current());
                flash.addFlashAttribute("notice", "petitions.block.added");
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("error", e.problems().getFirst().code());
            }
        }
        return "redirect:/processes/" + pid + "/petition-settings";
    }

    @GetMapping("/processes/{processId}/petition-outbox")
    String outbox(@PathVariable("processId") long pid, Model model) {
        mediated(pid, model);
        model.addAttribute("mails", petitions.outbox(pid, Viewer.current()));
        model.addAttribute("sending", mail.sending());
        return "petitions/outbox";
    }

    // --- helpers

    private Process processModel(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
        return process;
    }

    private void mediated(long pid, Model model) {
        processModel(pid, model);
        if (!processes.mediates(pid, Viewer.current())) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
    }

    private static ModelAndView invalid(String view, Model model) {
        ModelAndView mv = new ModelAndView(view, model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }
}
