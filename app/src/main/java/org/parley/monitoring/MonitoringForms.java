package org.parley.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.roadmap.Roadmap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monitoring forms beyond the report and the event decision: parties' claims and observers' decisions on
 * them, ceasefires, merging and splitting events, CSV import with its progress, withdrawal (sites, zones,
 * sightings), the spike-alert notifications and the tile-server setting. Each form comes back with the
 * user's input and a message per field when something is wrong.
 */
@Controller
class MonitoringForms {

    private static final String BASE = "/processes/{processId}/monitoring";

    private final Monitoring monitoring;
    private final Categories categories;
    private final Observers observers;
    private final Imports imports;
    private final Withdrawals withdrawals;
    private final Processes processes;
    private final Roadmap roadmap;
    private final Clock clock;

    MonitoringForms(Monitoring monitoring, Categories categories, Observers observers, Imports imports, Withdrawals withdrawals,
                    Processes processes, Roadmap roadmap, Clock clock) {
        this.monitoring = monitoring;
        this.categories = categories;
        this.observers = observers;
        this.imports = imports;
        this.withdrawals = withdrawals;
        this.processes = processes;
        this.roadmap = roadmap;
        this.clock = clock;
    }

    // --- claims

    @GetMapping(BASE + "/claims/new")
    String newClaim(@PathVariable("processId") long pid, Model model) {
        claimModel(pid, model);
        PageForms.ClaimForm form = new PageForms.ClaimForm();
        form.setObservedFrom(now().minusHours(1));
        model.addAttribute("form", form);
        return "monitoring/claim-form";
    }

    @PostMapping(BASE + "/claims/new")
    ModelAndView fileClaim(@PathVariable("processId") long pid, @ModelAttribute("form") PageForms.ClaimForm form, BindingResult result,
                           Model model, RedirectAttributes redirect) {
        claimModel(pid, model);
        if (!result.hasErrors()) {
            try {
                Claim c = monitoring.fileClaim(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "monitoring.claim.filed");
                return redirect(pid, "/claims/" + c.id());
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return again("monitoring/claim-form", model);
    }

    private void claimModel(long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null) {
            throw new ForbiddenException("monitoring.error.delegatesOnly");
        }
    }

    @GetMapping(BASE + "/claims/{claimId}")
    String claim(@PathVariable("processId") long pid, @PathVariable("claimId") long cid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        claimPage(pid, cid, viewer, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PageForms.ClaimDecisionForm());
        }
        return "monitoring/claim";
    }

    @PostMapping(BASE + "/claims/{claimId}/decision")
    ModelAndView decideClaim(@PathVariable("processId") long pid, @PathVariable("claimId") long cid,
                             @ModelAttribute("form") PageForms.ClaimDecisionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        if (!monitoring.mayVerify(pid, viewer)) {
            throw new ForbiddenException("monitoring.error.verifiersOnly");
        }
        if (!result.hasErrors()) {
            try {
                monitoring.decideClaim(pid, cid, form.command(), viewer);
                redirect.addFlashAttribute("notice", "monitoring.claim.decided");
                return redirect(pid, "/claims/" + cid);
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            } catch (ConflictException e) {
                result.reject(e.getMessage(), e.args(), e.getMessage());
            }
        }
        claimPage(pid, cid, viewer, model);
        return again("monitoring/claim", model);
    }

    private void claimPage(long pid, long cid, Viewer viewer, Model model) {
        Claim c = monitoring.claim(pid, cid, viewer);
        model.addAttribute("claim", c);
        model.addAttribute("canDecide", monitoring.mayVerify(pid, viewer) && c.status() == ClaimStatus.CLAIMED);
        model.addAttribute("claimStatuses", List.of(ClaimStatus.VERIFIED, ClaimStatus.REFUTED));
    }

    // --- ceasefires

    @GetMapping(BASE + "/ceasefires/new")
    String newCeasefire(@PathVariable("processId") long pid, Model model) {
        ceasefireModel(pid, model);
        PageForms.CeasefireForm form = new PageForms.CeasefireForm();
        form.setStartsAt(now());
        model.addAttribute("form", form);
        return "monitoring/ceasefire-form";
    }

    @PostMapping(BASE + "/ceasefires/new")
    ModelAndView defineCeasefire(@PathVariable("processId") long pid, @ModelAttribute("form") PageForms.CeasefireForm form, BindingResult result,
                                 Model model, RedirectAttributes redirect) {
        ceasefireModel(pid, model);
        if (!result.hasErrors()) {
            try {
                monitoring.defineCeasefire(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "monitoring.ceasefire.defined");
                return new ModelAndView("redirect:/processes/" + pid + "/monitoring#compliance");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return again("monitoring/ceasefire-form", model);
    }

    private void ceasefireModel(long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        processes.requireMediator(pid, viewer);
        model.addAttribute("milestones", roadmap.milestones(pid));
        model.addAttribute("geographies", Geography.values());
    }

    // --- merge and split

    @PostMapping(BASE + "/events/{eventId}/merge")
    ModelAndView merge(@PathVariable("processId") long pid, @PathVariable("eventId") long eid, @ModelAttribute("mergeForm") PageForms.MergeForm form,
                       BindingResult result, Model model, RedirectAttributes redirect) {
        Viewer viewer = verifier(pid, model);
        if (!result.hasErrors()) {
            try {
                Event e = monitoring.merge(pid, eid, form.getOtherEventId() == null ? 0 : form.getOtherEventId(), form.getReason(), viewer);
                redirect.addFlashAttribute("notice", "monitoring.merge.done");
                return redirect(pid, "/events/" + e.id());
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            } catch (ConflictException e) {
                result.reject(e.getMessage(), e.args(), e.getMessage());
            }
        }
        return eventAgain(pid, eid, viewer, model);
    }

    @PostMapping(BASE + "/events/{eventId}/split")
    ModelAndView split(@PathVariable("processId") long pid, @PathVariable("eventId") long eid, @ModelAttribute("splitForm") PageForms.SplitForm form,
                       BindingResult result, Model model, RedirectAttributes redirect) {
        Viewer viewer = verifier(pid, model);
        if (!result.hasErrors()) {
            try {
                Event e = monitoring.split(pid, eid, form.getReportIds(), form.getReason(), viewer);
                redirect.addFlashAttribute("notice", "monitoring.split.done");
                return redirect(pid, "/events/" + e.id());
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            } catch (ConflictException e) {
                result.reject(e.getMessage(), e.args(), e.getMessage());
            }
        }
        return eventAgain(pid, eid, viewer, model);
    }

    private Viewer verifier(long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        if (!monitoring.mayVerify(pid, viewer)) {
            throw new ForbiddenException("monitoring.error.verifiersOnly");
        }
        return viewer;
    }

    private ModelAndView eventAgain(long pid, long eid, Viewer viewer, Model model) {
        MonitoringPages.eventModel(monitoring, pid, eid, viewer, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DecisionForm());
        }
        return again("monitoring/event", model);
    }

    // --- imports

    @GetMapping(BASE + "/imports/new")
    String newImport(@PathVariable("processId") long pid, Model model) {
        importer(pid, model);
        return "monitoring/import-form";
    }

    @PostMapping(BASE + "/imports/new")
    ModelAndView startImport(@PathVariable("processId") long pid, @RequestParam(name = "format", required = false) String format,
                             @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        Viewer viewer = importer(pid, model);
        model.addAttribute("format", format);
        Imports.Format f = null;
        try {
            f = format == null || format.isBlank() ? null : Imports.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (f == null) {
            model.addAttribute("formatError", "monitoring.import.format");
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "monitoring.import.noFile");
        }
        if (f == null || file == null || file.isEmpty()) {
            return again("monitoring/import-form", model);
        }
        Path tmp = Files.createTempFile("parley-import-", ".csv");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        long id = imports.startImport(pid, f, file.getOriginalFilename(), tmp, viewer);
        return redirect(pid, "/imports/" + id);
    }

    @GetMapping(BASE + "/imports/{importId}")
    String importPage(@PathVariable("processId") long pid, @PathVariable("importId") long iid, Model model) {
        Viewer viewer = importer(pid, model);
        model.addAttribute("imp", imports.result(pid, iid, viewer));
        return "monitoring/import";
    }

    /** The progress panel alone, which the import page polls (htmx) until the import is done. */
    @GetMapping(BASE + "/imports/{importId}/progress")
    String importProgress(@PathVariable("processId") long pid, @PathVariable("importId") long iid, Model model) {
        Viewer viewer = importer(pid, model);
        model.addAttribute("imp", imports.result(pid, iid, viewer));
        return "monitoring/import :: progress";
    }

    private Viewer importer(long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        if (!imports.mayImport(pid, viewer)) {
            throw new ForbiddenException("monitoring.error.importersOnly");
        }
        model.addAttribute("formats", Imports.Format.values());
        return viewer;
    }

    // --- withdrawal

    @GetMapping(BASE + "/withdrawal")
    String withdrawal(@PathVariable("processId") long pid, Model model) {
        withdrawalModel(pid, model);
        PageForms.ZoneForm zone = new PageForms.ZoneForm();
        zone.setStartsAt(now());
        model.addAttribute("zoneForm", zone);
        model.addAttribute("siteForm", new PageForms.SiteForm());
        PageForms.SightingForm sighting = new PageForms.SightingForm();
        sighting.setObservedAt(now());
        model.addAttribute("sightingForm", sighting);
        return "monitoring/withdrawal";
    }

    @PostMapping(BASE + "/withdrawal/sites")
    ModelAndView declareSite(@PathVariable("processId") long pid, @ModelAttribute("siteForm") PageForms.SiteForm form, BindingResult result,
                             Model model, RedirectAttributes redirect) {
        withdrawalModel(pid, model);
        if (!result.hasErrors()) {
            try {
                withdrawals.declareSite(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "monitoring.site.saved");
                return redirect(pid, "/withdrawal");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return withdrawalAgain(model);
    }

    @PostMapping(BASE + "/withdrawal/zones")
    ModelAndView defineZone(@PathVariable("processId") long pid, @ModelAttribute("zoneForm") PageForms.ZoneForm form, BindingResult result,
                            Model model, RedirectAttributes redirect) {
        withdrawalModel(pid, model);
        if (!result.hasErrors()) {
            try {
                withdrawals.defineZone(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "monitoring.zone.defined");
                return redirect(pid, "/withdrawal");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return withdrawalAgain(model);
    }

    @PostMapping(BASE + "/withdrawal/sightings")
    ModelAndView recordSighting(@PathVariable("processId") long pid, @ModelAttribute("sightingForm") PageForms.SightingForm form,
                                BindingResult result, Model model, RedirectAttributes redirect) {
        withdrawalModel(pid, model);
        if (!result.hasErrors()) {
            try {
                Withdrawals.Sighting s = withdrawals.recordSighting(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", s.discrepancy() == null ? "monitoring.sighting.recorded" : "monitoring.sighting.discrepancy");
                return redirect(pid, "/withdrawal");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return withdrawalAgain(model);
    }

    private void withdrawalModel(long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        boolean delegate = viewer.is(Role.DELEGATE) && viewer.partyId() != null;
        model.addAttribute("canDeclare", delegate);
        model.addAttribute("canZone", processes.mediates(pid, viewer));
        boolean serves = observers.serves(pid, viewer);
        model.addAttribute("canSight", serves);
        model.addAttribute("weaponClasses", WeaponClass.values());
        model.addAttribute("zones", withdrawals.zones(pid));
        model.addAttribute("discrepancies", withdrawals.discrepancies(pid));
        model.addAttribute("sites", delegate || serves || processes.mediates(pid, viewer) ? withdrawals.sites(pid, viewer) : List.of());
        model.addAttribute("sightings", serves || processes.mediates(pid, viewer) ? withdrawals.sightings(pid, viewer) : List.of());
    }

    private ModelAndView withdrawalAgain(Model model) {
        if (!model.containsAttribute("siteForm")) {
            model.addAttribute("siteForm", new PageForms.SiteForm());
        }
        if (!model.containsAttribute("zoneForm")) {
            model.addAttribute("zoneForm", new PageForms.ZoneForm());
        }
        if (!model.containsAttribute("sightingForm")) {
            model.addAttribute("sightingForm", new PageForms.SightingForm());
        }
        return again("monitoring/withdrawal", model);
    }

    // --- spike alerts (notifications)

    @GetMapping(BASE + "/alerts")
    String alerts(@PathVariable("processId") long pid, Model model) {
        Viewer viewer = Viewer.current();
        common(pid, model, viewer);
        model.addAttribute("notifications", monitoring.notifications(pid, viewer));
        return "monitoring/alerts";
    }

    @PostMapping(BASE + "/alerts/read")
    ModelAndView readAlerts(@PathVariable("processId") long pid, RedirectAttributes redirect) {
        monitoring.markAlertsRead(pid, Viewer.current());
        redirect.addFlashAttribute("notice", "monitoring.alerts.markedRead");
        return redirect(pid, "/alerts");
    }

    // --- helpers

    private void common(long pid, Model model, Viewer viewer) {
        model.addAttribute("process", processes.get(pid));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("categories", categories.of(pid));
        model.addAttribute("categoryNames", categories.labels(pid, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("seesAll", monitoring.seesAll(pid, viewer));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    }

    private static ModelAndView redirect(long pid, String rest) {
        return new ModelAndView("redirect:/processes/" + pid + "/monitoring" + rest);
    }

    private static ModelAndView again(String view, Model model) {
        ModelAndView mv = new ModelAndView(view, model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }
}
