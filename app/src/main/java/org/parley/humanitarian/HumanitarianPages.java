package org.parley.humanitarian;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.parley.humanitarian.Forms.AckForm;
import org.parley.humanitarian.Forms.ActivityForm;
import org.parley.humanitarian.Forms.AgreeForm;
import org.parley.humanitarian.Forms.DeliveryForm;
import org.parley.humanitarian.Forms.ImportForm;
import org.parley.humanitarian.Forms.NeedForm;
import org.parley.humanitarian.Forms.NotifyForm;
import org.parley.humanitarian.Forms.OrganisationForm;
import org.parley.humanitarian.Forms.OutcomeForm;
import org.parley.humanitarian.Forms.StatusForm;
import org.parley.humanitarian.Humanitarian.Warning;
import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The humanitarian pages: a public dashboard with the gaps map, 4W activities with their HXL import and export,
 * deliveries and convoys, corridors, grain voyages, exchanges and funding.
 */
@Controller
class HumanitarianPages {

    private static final String BACK = "org.parley.platform.web.Ui.back";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Humanitarian humanitarian;
    private final HxlActivities hxl;
    private final Deliveries deliveries;
    private final Corridors corridors;
    private final GrainVoyages grain;
    private final Exchanges exchanges;
    private final Funding funding;
    private final FundingCsv fundingCsv;
    private final Processes processes;
    private final org.parley.roadmap.Roadmap roadmap;
    private final MessageSource messages;

    HumanitarianPages(Humanitarian humanitarian, HxlActivities hxl, Deliveries deliveries, Corridors corridors, GrainVoyages grain,
                      Exchanges exchanges, Funding funding, FundingCsv fundingCsv, Processes processes, org.parley.roadmap.Roadmap roadmap,
                      MessageSource messages) {
        this.fundingCsv = fundingCsv;
        this.roadmap = roadmap;
        this.humanitarian = humanitarian;
        this.hxl = hxl;
        this.deliveries = deliveries;
        this.corridors = corridors;
        this.grain = grain;
        this.exchanges = exchanges;
        this.funding = funding;
        this.processes = processes;
        this.messages = messages;
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    // --- dashboard

    @GetMapping("/processes/{processId}/humanitarian")
    String dashboard(@PathVariable("processId") long pid, @RequestParam(name = "sector", required = false) Sector sector,
                     @RequestParam(name = "level", defaultValue = "1") int level, Model model) {
        common(pid, model);
        int shown = level == 2 ? 2 : 1;
        model.addAttribute("selectedSector", sector);
        model.addAttribute("selectedLevel", shown);
        model.addAttribute("gaps", humanitarian.gaps(pid, sector, shown));
        model.addAttribute("sectorChart", sectorChart(humanitarian.gaps(pid, null, 1)));
        model.addAttribute("areaGaps", humanitarian.areaGaps(pid, sector));
        model.addAttribute("activityCount", humanitarian.activityCount(pid));
        model.addAttribute("deliveryCounts", deliveries.countsByStatus(pid));
        model.addAttribute("corridorSummary", corridors.summary(pid));
        model.addAttribute("grainTotals", grain.overview(pid).totals());
        model.addAttribute("exchangeList", exchanges.exchanges(pid));
        model.addAttribute("fundingTotals", funding.overview(pid).all());
        return "humanitarian/dashboard";
    }

    // --- 4W activities, needs, organisations

    @GetMapping("/processes/{processId}/humanitarian/activities")
    String activities(@PathVariable("processId") long pid, Model model) {
        return activitiesPage(pid, model);
    }

    @PostMapping("/processes/{processId}/humanitarian/activities")
    ModelAndView addActivity(@PathVariable("processId") long pid, @Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult result,
                             Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Humanitarian.Recorded r = humanitarian.addActivity(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.activity.added");
                redirect.addFlashAttribute("warnings", text(r.warnings()));
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(activitiesPage(pid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/needs")
    ModelAndView addNeed(@PathVariable("processId") long pid, @Valid @ModelAttribute("needForm") NeedForm form, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                humanitarian.addNeed(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.need.added");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(activitiesPage(pid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/organisations")
    ModelAndView addOrganisation(@PathVariable("processId") long pid, @Valid @ModelAttribute("organisationForm") OrganisationForm form,
                                 BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                humanitarian.addOrganisation(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.organisation.added");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(activitiesPage(pid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/activities/import")
    ModelAndView importActivities(@PathVariable("processId") long pid, @Valid @ModelAttribute("importForm") ImportForm form, BindingResult result,
                                  @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        // A file, when one is chosen, is what is imported; otherwise the pasted text.
        String csv = file != null && !file.isEmpty() ? Forms.text(file.getBytes()) : form.getCsv();
        if (csv == null || csv.isBlank()) {
            result.rejectValue("csv", "humanitarian.import.empty");
        }
        if (!result.hasErrors()) {
            try {
                HxlActivities.ImportResult r = hxl.importCsv(pid, csv, Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.import.done");
                redirect.addFlashAttribute("noticeArg", r.imported());
                redirect.addFlashAttribute("warnings", text(r.warnings()));
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                // Each problem with its column (and row): the file is not a form, so they are listed, not placed.
                model.addAttribute("importProblems", e.problems().stream()
                        .map(p -> p.field() + ": " + messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale())).toList());
                if (file != null && !file.isEmpty()) {
                    model.addAttribute("importFileName", file.getOriginalFilename());
                }
            }
        }
        return withStatus(activitiesPage(pid, model), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/humanitarian/activities/{activityId}/edit")
    String editActivity(@PathVariable("processId") long pid, @PathVariable("activityId") long aid, Model model) {
        common(pid, model);
        Humanitarian.Activity a = humanitarian.activity(pid, aid);
        model.addAttribute("activity", a);
        if (!model.containsAttribute("activityForm")) {
            model.addAttribute("activityForm", ActivityForm.of(a));
        }
        model.addAttribute("activityStatuses", ActivityStatus.values());
        return "humanitarian/activity-edit";
    }

    @PostMapping("/processes/{processId}/humanitarian/activities/{activityId}/edit")
    ModelAndView changeActivity(@PathVariable("processId") long pid, @PathVariable("activityId") long aid,
                                @Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Humanitarian.Recorded r = humanitarian.changeActivity(pid, aid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.activity.changed");
                redirect.addFlashAttribute("warnings", text(r.warnings()));
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (ConflictException e) {
                model.addAttribute("conflict", conflictText(e));
                return withStatus(editActivity(pid, aid, model), HttpStatus.CONFLICT);
            }
        }
        return withStatus(editActivity(pid, aid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/activities/{activityId}/delete")
    ModelAndView removeActivity(@PathVariable("processId") long pid, @PathVariable("activityId") long aid, Model model, RedirectAttributes redirect) {
        try {
            humanitarian.removeActivity(pid, aid, Viewer.current());
        } catch (ConflictException e) {
            model.addAttribute("conflict", conflictText(e));
            return withStatus(editActivity(pid, aid, model), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("notice", "humanitarian.activity.removed");
        return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
    }

    @GetMapping("/processes/{processId}/humanitarian/needs/{needId}/edit")
    String editNeed(@PathVariable("processId") long pid, @PathVariable("needId") long nid, Model model) {
        common(pid, model);
        Humanitarian.Need n = humanitarian.need(pid, nid);
        model.addAttribute("need", n);
        if (!model.containsAttribute("needForm")) {
            model.addAttribute("needForm", NeedForm.of(n));
        }
        return "humanitarian/need-edit";
    }

    @PostMapping("/processes/{processId}/humanitarian/needs/{needId}/edit")
    ModelAndView changeNeed(@PathVariable("processId") long pid, @PathVariable("needId") long nid, @Valid @ModelAttribute("needForm") NeedForm form,
                            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                humanitarian.changeNeed(pid, nid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.need.changed");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/activities");
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(editNeed(pid, nid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/needs/{needId}/delete")
    String removeNeed(@PathVariable("processId") long pid, @PathVariable("needId") long nid, RedirectAttributes redirect) {
        humanitarian.removeNeed(pid, nid, Viewer.current());
        redirect.addFlashAttribute("notice", "humanitarian.need.removed");
        return "redirect:/processes/" + pid + "/humanitarian/activities";
    }

    @GetMapping("/processes/{processId}/humanitarian/activities/export")
    ResponseEntity<byte[]> export(@PathVariable("processId") long pid) {
        return CsvDownload.of("4w-activities.csv", out -> hxl.export(pid, out));
    }

    private String activitiesPage(long pid, Model model) {
        common(pid, model);
        if (!model.containsAttribute("activityForm")) {
            model.addAttribute("activityForm", new ActivityForm());
        }
        if (!model.containsAttribute("needForm")) {
            model.addAttribute("needForm", new NeedForm());
        }
        if (!model.containsAttribute("organisationForm")) {
            model.addAttribute("organisationForm", new OrganisationForm());
        }
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new ImportForm());
        }
        model.addAttribute("activityList", humanitarian.activities(pid, 100));
        model.addAttribute("activityCount", humanitarian.activityCount(pid));
        model.addAttribute("needList", humanitarian.needs(pid));
        model.addAttribute("organisationKinds", OrganisationKind.values());
        model.addAttribute("activityStatuses", ActivityStatus.values());
        model.addAttribute("hxlColumns", HxlActivities.COLUMNS);
        return "humanitarian/activities";
    }

    // --- deliveries

    @GetMapping("/processes/{processId}/humanitarian/deliveries")
    String deliveries(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        model.addAttribute("deliveryList", deliveries.deliveries(pid, Viewer.current()));
        return "humanitarian/deliveries";
    }

    @GetMapping("/processes/{processId}/humanitarian/deliveries/new")
    String newDelivery(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        model.addAttribute("form", new DeliveryForm());
        return "humanitarian/delivery-form";
    }

    @GetMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/edit")
    String editDelivery(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did, Model model) {
        common(pid, model);
        Deliveries.Delivery d = deliveries.delivery(pid, did, Viewer.current());
        model.addAttribute("delivery", d);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DeliveryForm.of(d));
        }
        return "humanitarian/delivery-form";
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/edit")
    ModelAndView changeDelivery(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did, @Valid @ModelAttribute("form") DeliveryForm form,
                                BindingResult result, Model model, RedirectAttributes redirect) {
        if (form.getReason() == null || form.getReason().isBlank()) {
            result.rejectValue("reason", "humanitarian.delivery.changeReason");
        }
        if (!result.hasErrors()) {
            try {
                deliveries.change(pid, did, new Deliveries.Change(form.command(), form.getReason()), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.delivery.changed");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/deliveries/" + did);
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (ConflictException e) {
                model.addAttribute("conflict", conflictText(e));
                return withStatus(editDelivery(pid, did, model), HttpStatus.CONFLICT);
            }
        }
        return withStatus(editDelivery(pid, did, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/correction")
    ModelAndView correctDelivery(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did,
                                 @Valid @ModelAttribute("correctionForm") Forms.CorrectionForm form, BindingResult result, Model model,
                                 RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/deliveries/" + did);
        return onDelivery(pid, did, result, model, redirect, () -> {
            deliveries.correct(pid, did, form.command(), Viewer.current());
            return new Notice("humanitarian.delivery.corrected", null);
        });
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/new")
    ModelAndView requestDelivery(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") DeliveryForm form, BindingResult result,
                                 Model model) {
        common(pid, model);
        if (!result.hasErrors()) {
            try {
                Deliveries.Delivery d = deliveries.request(pid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/deliveries/" + d.id());
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus("humanitarian/delivery-form", HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}")
    String delivery(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did, Model model) {
        return deliveryPage(pid, did, model);
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/notify")
    ModelAndView notifyParties(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did,
                               @ModelAttribute("notifyForm") NotifyForm form, BindingResult result, Model model,
                               RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/deliveries/" + did);
        if (form.getPartyIds().isEmpty()) {
            result.rejectValue("partyIds", "humanitarian.delivery.partiesRequired");
        }
        return onDelivery(pid, did, result, model, redirect, () -> {
            deliveries.notifyParties(pid, did, new Deliveries.Notification(form.getPartyIds()), Viewer.current());
            return new Notice("humanitarian.delivery.notified", null);
        });
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/acknowledge")
    ModelAndView acknowledge(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did,
                             @Valid @ModelAttribute("ackForm") AckForm form, BindingResult result, Model model,
                             RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/deliveries/" + did);
        return onDelivery(pid, did, result, model, redirect, () -> {
            deliveries.acknowledge(pid, did, new Deliveries.Acknowledgement(form.getAcknowledged(), form.getNote()), Viewer.current());
            return new Notice("humanitarian.delivery.acknowledged", null);
        });
    }

    @PostMapping("/processes/{processId}/humanitarian/deliveries/{deliveryId}/status")
    ModelAndView changeStatus(@PathVariable("processId") long pid, @PathVariable("deliveryId") long did,
                              @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result, Model model,
                              RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/deliveries/" + did);
        return onDelivery(pid, did, result, model, redirect, () -> {
            Deliveries.Delivery d = deliveries.changeStatus(pid, did, form.command(), Viewer.current());
            return new Notice("humanitarian.delivery.statusChanged", label("humanitarian.deliveryStatus." + d.status().name()));
        });
    }

    /** What a delivery's form reports back on its page: a message key and its argument. */
    private record Notice(String key, String arg) {
    }

    /**
     * A form on a delivery's page: if the form is valid, the action runs and the reader goes back to the
     * delivery with its notice; refused input comes back on the page by field (400), a conflict on top (409).
     */
    private ModelAndView onDelivery(long pid, long did, BindingResult result, Model model, RedirectAttributes redirect,
                                    java.util.function.Supplier<Notice> action) {
        if (!result.hasErrors()) {
            try {
                Notice notice = action.get();
                redirect.addFlashAttribute("notice", notice.key());
                if (notice.arg() != null) {
                    redirect.addFlashAttribute("noticeArg", notice.arg());
                }
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/deliveries/" + did);
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (ConflictException e) {
                return conflict(pid, did, model, e);
            }
        }
        return withStatus(deliveryPage(pid, did, model), HttpStatus.BAD_REQUEST);
    }

    private ModelAndView conflict(long pid, long did, Model model, ConflictException e) {
        model.addAttribute("conflict", conflictText(e));
        return withStatus(deliveryPage(pid, did, model), HttpStatus.CONFLICT);
    }

    private String deliveryPage(long pid, long did, Model model) {
        common(pid, model);
        Viewer viewer = Viewer.current();
        Deliveries.Delivery d = deliveries.delivery(pid, did, viewer);
        model.addAttribute("delivery", d);
        if (!model.containsAttribute("notifyForm")) {
            NotifyForm n = new NotifyForm();
            n.setPartyIds(new ArrayList<>(d.parties().stream().map(Deliveries.PartyNotice::partyId).toList()));
            model.addAttribute("notifyForm", n);
        }
        if (!model.containsAttribute("ackForm")) {
            model.addAttribute("ackForm", new AckForm());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new StatusForm());
        }
        if (!model.containsAttribute("correctionForm")) {
            Forms.CorrectionForm c = new Forms.CorrectionForm();
            c.setPeopleReached(d.peopleReached());
            model.addAttribute("correctionForm", c);
        }
        model.addAttribute("mayChange", humanitarian.manages(pid, viewer) && (d.status() == DeliveryStatus.REQUESTED
                || d.status() == DeliveryStatus.NOTIFIED || d.status() == DeliveryStatus.DECONFLICTED));
        boolean mayAck = viewer.is(Role.DELEGATE) && d.status() == DeliveryStatus.NOTIFIED && d.parties().stream()
                .anyMatch(p -> viewer.partyId() != null && p.partyId() == viewer.partyId() && !p.acknowledged());
        model.addAttribute("mayAcknowledge", mayAck);
        model.addAttribute("nextStatuses", d.status().next());
        return "humanitarian/delivery";
    }

    // --- corridors

    @GetMapping("/processes/{processId}/humanitarian/corridors")
    String corridors(@PathVariable("processId") long pid, @RequestParam(name = "outcome", required = false) CorridorOutcome outcome, Model model) {
        common(pid, model);
        model.addAttribute("summary", corridors.summary(pid));
        model.addAttribute("selectedOutcome", outcome);
        model.addAttribute("corridorList", corridors.corridors(pid, outcome, 300));
        model.addAttribute("outcomes", CorridorOutcome.values());
        model.addAttribute("purposes", CorridorPurpose.values());
        Viewer viewer = Viewer.current();
        model.addAttribute("mayPropose", (viewer.is(Role.DELEGATE) && viewer.partyId() != null && partyById(pid).containsKey(viewer.partyId()))
                || processes.mediates(pid, viewer));
        if (!model.containsAttribute("corridorForm")) {
            model.addAttribute("corridorForm", new Forms.CorridorForm());
        }
        return "humanitarian/corridors";
    }

    @PostMapping("/processes/{processId}/humanitarian/corridors/new")
    ModelAndView proposeCorridor(@PathVariable("processId") long pid, @Valid @ModelAttribute("corridorForm") Forms.CorridorForm form,
                                 BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                Corridors.Corridor c = corridors.propose(pid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/corridors/" + c.id());
            } catch (InvalidInputException e) {
                // The service names the points of the path; on the form they are the lines of one field.
                addTo(result, new InvalidInputException(e.problems().stream().map(p -> p.field() != null && p.field().startsWith("path")
                        ? new InvalidInputException.FieldProblem("routePoints", p.code(), p.args()) : p).toList()));
            }
        }
        return withStatus(corridors(pid, null, model), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/humanitarian/corridors/{corridorId}")
    String corridor(@PathVariable("processId") long pid, @PathVariable("corridorId") long cid, Model model) {
        return corridorPage(pid, cid, model);
    }

    @PostMapping("/processes/{processId}/humanitarian/corridors/{corridorId}/agree")
    ModelAndView agree(@PathVariable("processId") long pid, @PathVariable("corridorId") long cid, @Valid @ModelAttribute("agreeForm") AgreeForm form,
                       BindingResult result, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/corridors/" + cid);
        if (!result.hasErrors()) {
            try {
                corridors.agree(pid, cid, new Corridors.Agreement(form.getAgreed()), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.corridor.agreed");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/corridors/" + cid);
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (ConflictException e) {
                model.addAttribute("conflict", conflictText(e));
                return withStatus(corridorPage(pid, cid, model), HttpStatus.CONFLICT);
            }
        }
        return withStatus(corridorPage(pid, cid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/corridors/{corridorId}/outcome")
    ModelAndView outcome(@PathVariable("processId") long pid, @PathVariable("corridorId") long cid, @Valid @ModelAttribute("outcomeForm") OutcomeForm form,
                         BindingResult result, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/humanitarian/corridors/" + cid);
        if (!result.hasErrors()) {
            try {
                Corridors.Corridor c = corridors.recordOutcome(pid, cid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.corridor.outcomeRecorded");
                redirect.addFlashAttribute("noticeArg", label("humanitarian.corridorOutcome." + c.outcome().name()));
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/corridors/" + cid);
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (ConflictException e) {
                model.addAttribute("conflict", conflictText(e));
                return withStatus(corridorPage(pid, cid, model), HttpStatus.CONFLICT);
            }
        }
        return withStatus(corridorPage(pid, cid, model), HttpStatus.BAD_REQUEST);
    }

    private String corridorPage(long pid, long cid, Model model) {
        common(pid, model);
        Corridors.Corridor c = corridors.corridor(pid, cid);
        model.addAttribute("corridor", c);
        model.addAttribute("pathJson", JSON.writeValueAsString(c.path().stream().map(p -> List.of(p.latitude(), p.longitude())).toList()));
        model.addAttribute("incidentsJson", JSON.writeValueAsString(c.incidents() == null ? List.of() : c.incidents().stream()
                .map(i -> List.of(i.latitude(), i.longitude(), i.eventId())).toList()));
        model.addAttribute("outcomes", CorridorOutcome.values());
        if (!model.containsAttribute("outcomeForm")) {
            OutcomeForm f = new OutcomeForm();
            f.setOutcome(c.outcome());
            model.addAttribute("outcomeForm", f);
        }
        if (!model.containsAttribute("agreeForm")) {
            model.addAttribute("agreeForm", new AgreeForm());
        }
        Viewer viewer = Viewer.current();
        Map<Long, Party> parties = partyById(pid);
        boolean mayAgree = viewer.is(Role.DELEGATE) && viewer.partyId() != null && parties.containsKey(viewer.partyId())
                && !c.agreedBy().contains(parties.get(viewer.partyId()).shortName());
        model.addAttribute("mayAgree", mayAgree);
        return "humanitarian/corridor";
    }

    // --- grain, exchanges, funding

    @GetMapping("/processes/{processId}/humanitarian/grain")
    String grain(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        GrainVoyages.Overview o = grain.overview(pid);
        model.addAttribute("grain", o);
        model.addAttribute("voyageList", grain.voyages(pid, 50));
        model.addAttribute("commodityChart", chart(o.byCommodity(), 12));
        model.addAttribute("destinationChart", chart(o.byDestination(), 15));
        model.addAttribute("monthChart", chart(o.byMonth(), 100));
        return "humanitarian/grain";
    }

    @GetMapping("/processes/{processId}/humanitarian/exchanges")
    String exchanges(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        model.addAttribute("exchangeList", exchanges.exchanges(pid));
        if (!model.containsAttribute("roundForm")) {
            model.addAttribute("roundForm", new Forms.RoundForm());
        }
        if (!model.containsAttribute("exchangeForm")) {
            model.addAttribute("exchangeForm", new Forms.ExchangeForm());
        }
        model.addAttribute("exchangeKinds", ExchangeKind.values());
        model.addAttribute("milestoneList", roadmap.milestones(pid));
        return "humanitarian/exchanges";
    }

    @PostMapping("/processes/{processId}/humanitarian/exchanges/new")
    ModelAndView createExchange(@PathVariable("processId") long pid, @Valid @ModelAttribute("exchangeForm") Forms.ExchangeForm form,
                                BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Exchanges.Exchange x = exchanges.create(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.exchange.created");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/exchanges#exchange-" + x.id());
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(exchanges(pid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/exchanges/{exchangeId}/rounds")
    ModelAndView recordRound(@PathVariable("processId") long pid, @PathVariable("exchangeId") long xid,
                             @Valid @ModelAttribute("roundForm") Forms.RoundForm form, BindingResult result, Model model,
                             RedirectAttributes redirect) {
        exchanges.exchange(pid, xid);
        if (!result.hasErrors()) {
            try {
                exchanges.recordRound(pid, xid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.exchange.roundRecorded");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/exchanges#exchange-" + xid);
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        model.addAttribute("roundFormFor", xid);
        return withStatus(exchanges(pid, model), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/humanitarian/funding")
    String funding(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        Funding.Overview overview = funding.overview(pid);
        model.addAttribute("funding", overview);
        model.addAttribute("fundingChart", fundingChart(overview.byDonor(), 10));
        model.addAttribute("flowList", funding.flows(pid));
        model.addAttribute("flows", FundingFlow.values());
        if (!model.containsAttribute("fundingForm")) {
            model.addAttribute("fundingForm", new Forms.FundingForm());
        }
        return "humanitarian/funding";
    }

    @GetMapping("/processes/{processId}/humanitarian/funding/export")
    ResponseEntity<byte[]> exportFunding(@PathVariable("processId") long pid) {
        return CsvDownload.of("funding-flows.csv", out -> fundingCsv.export(pid, out));
    }

    @PostMapping("/processes/{processId}/humanitarian/funding/import")
    ModelAndView importFunding(@PathVariable("processId") long pid, @RequestParam(name = "file", required = false) MultipartFile file,
                               Model model, RedirectAttributes redirect) throws IOException {
        String csv = file != null && !file.isEmpty() ? Forms.text(file.getBytes()) : null;
        List<String> problems;
        if (csv == null) {
            problems = List.of(label("humanitarian.funding.chooseFile"));
        } else {
            try {
                int n = fundingCsv.importCsv(pid, csv, Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.funding.imported");
                redirect.addFlashAttribute("noticeArg", n);
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/funding");
            } catch (InvalidInputException e) {
                problems = e.problems().stream()
                        .map(p -> p.field() + ": " + messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale())).toList();
            }
        }
        model.addAttribute("importProblems", problems);
        model.addAttribute("importFileName", file == null ? null : file.getOriginalFilename());
        return withStatus(funding(pid, model), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/humanitarian/funding")
    ModelAndView recordFlow(@PathVariable("processId") long pid, @Valid @ModelAttribute("fundingForm") Forms.FundingForm form,
                            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                funding.record(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.funding.recorded");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/funding");
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        return withStatus(funding(pid, model), HttpStatus.BAD_REQUEST);
    }

    // --- helpers

    /** People in need and reached per sector, over all areas, for the dashboard's chart. */
    private Map<String, String> sectorChart(List<Humanitarian.Gap> gaps) {
        Map<Sector, long[]> bySector = new java.util.EnumMap<>(Sector.class);
        for (Humanitarian.Gap g : gaps) {
            long[] v = bySector.computeIfAbsent(g.sector(), k -> new long[2]);
            v[0] += g.peopleInNeed();
            v[1] += g.peopleReached();
        }
        List<Sector> shown = List.copyOf(bySector.keySet());
        return Map.of("labels", shown.stream().map(x -> label("humanitarian.sector." + x.name())).collect(Collectors.joining("|")),
                "datasets", JSON.writeValueAsString(List.of(
                        Map.of("label", label("humanitarian.gaps.inNeed"), "values", shown.stream().map(x -> bySector.get(x)[0]).toList()),
                        Map.of("label", label("humanitarian.gaps.reached"), "values", shown.stream().map(x -> bySector.get(x)[1]).toList()))));
    }

    /** Pledged, committed and disbursed for the largest donors, for the funding page's chart. */
    private Map<String, String> fundingChart(List<Funding.Totals> donors, int max) {
        List<Funding.Totals> shown = donors.stream().limit(max).toList();
        return Map.of("labels", shown.stream().map(t -> t.name().replace("|", "/")).collect(Collectors.joining("|")),
                "datasets", JSON.writeValueAsString(List.of(
                        Map.of("label", label("humanitarian.fundingFlow.PLEDGE"), "values", shown.stream().map(Funding.Totals::pledged).toList()),
                        Map.of("label", label("humanitarian.fundingFlow.COMMITMENT"), "values", shown.stream().map(Funding.Totals::committed).toList()),
                        Map.of("label", label("humanitarian.fundingFlow.DISBURSEMENT"), "values",
                                shown.stream().map(Funding.Totals::disbursed).toList()))));
    }

    /** Labels and values for a bar chart, as the {@code data-} attributes the chart script reads. */
    private static Map<String, String> chart(List<GrainVoyages.Tonnage> rows, int max) {
        List<GrainVoyages.Tonnage> shown = rows.stream().limit(max).toList();
        return Map.of("labels", shown.stream().map(t -> t.key().replace("|", "/")).collect(Collectors.joining("|")),
                "values", shown.stream().map(t -> String.valueOf(t.tonnes())).collect(Collectors.joining("|")));
    }

    private Process common(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canManage", humanitarian.manages(pid, Viewer.current()));
        model.addAttribute("mediates", processes.mediates(pid, Viewer.current()));
        model.addAttribute("areaList", humanitarian.areas());
        model.addAttribute("areaGroups", humanitarian.areaGroups());
        model.addAttribute("areaByPcode", humanitarian.areaByPcode());
        model.addAttribute("organisationList", humanitarian.organisations(pid));
        model.addAttribute("partyList", processes.parties(pid));
        model.addAttribute("partyById", partyById(pid));
        return process;
    }

    private Map<Long, Party> partyById(long pid) {
        return processes.parties(pid).stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private List<String> text(List<Warning> warnings) {
        return warnings.stream().map(w -> messages.getMessage(w.code(), w.args(), w.code(), LocaleContextHolder.getLocale())).toList();
    }

    private String label(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private String conflictText(ConflictException e) {
        Object[] args = e.args() == null ? new Object[0] : e.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s) {
                try {
                    args[i] = label("humanitarian.deliveryStatus." + DeliveryStatus.valueOf(s).name());
                } catch (IllegalArgumentException ignored) {
                    // not a status: shown as it is
                }
            }
        }
        return messages.getMessage(e.getMessage(), args, e.getMessage(), LocaleContextHolder.getLocale());
    }

    /** Puts the service's field problems next to the fields of the form that caused them. */
    private static void addTo(BindingResult result, InvalidInputException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (var p : e.problems()) {
            if (p.field() != null && form.isReadableProperty(p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        }
    }

    private static ModelAndView withStatus(String view, HttpStatus status) {
        ModelAndView mv = new ModelAndView(view);
        mv.setStatus(status);
        return mv;
    }
}
