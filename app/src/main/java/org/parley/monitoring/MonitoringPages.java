package org.parley.monitoring;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parley.platform.ContentSecurityPolicy;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.beans.BeanWrapperImpl;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitoring pages: the dashboard (map, daily counts, compliance), the report form and each event's page. */
@Controller
class MonitoringPages {

    private final Monitoring monitoring;
    private final Categories categories;
    private final Processes processes;
    private final Exports exports;
    private final Withdrawals withdrawals;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    MonitoringPages(Monitoring monitoring, Categories categories, Processes processes, Exports exports, Withdrawals withdrawals, Clock clock,
                    org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.monitoring = monitoring;
        this.categories = categories;
        this.processes = processes;
        this.exports = exports;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @GetMapping("/processes/{processId}/monitoring")
    String dashboard(@PathVariable("processId") long pid, @ModelAttribute("q") MonitoringApi.EventQuery q,
                     @RequestParam(name = "view", required = false) String view, Model model, Locale locale,
                     jakarta.servlet.http.HttpServletResponse response) {
        Viewer viewer = "public".equals(view) ? Viewer.anonymous() : Viewer.current();
        processModel(pid, model, viewer);
        EventFilter filter;
        try {
            filter = q.filter(categories, pid);
        } catch (InvalidInputException e) {
            filter = EventFilter.none();
            model.addAttribute("filterError", e.problems().getFirst().code());
        }
        model.addAttribute("publicView", "public".equals(view) || !monitoring.seesAll(pid, Viewer.current()));
        Dashboard dashboard = monitoring.dashboard(pid, filter, viewer);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("meterMax", Math.max(1, Math.max(dashboard.baseline() * dashboard.spikeFactor(),
                dashboard.days().stream().mapToInt(Dashboard.Day::events).max().orElse(0))));
        model.addAttribute("events", monitoring.events(pid, filter, 100, viewer));
        List<Compliance> compliance = monitoring.ceasefires(pid).stream().map(c -> monitoring.compliance(pid, c.id(), 14, locale)).toList();
        model.addAttribute("compliance", compliance);
        model.addAttribute("alerts", monitoring.alerts(pid, viewer));
        model.addAttribute("claims", monitoring.claims(pid, viewer));
        model.addAttribute("zones", withdrawals.zones(pid));
        model.addAttribute("discrepancies", withdrawals.discrepancies(pid));
        model.addAttribute("categories", categories.of(pid));
        model.addAttribute("states", EventState.values());
        StringBuilder query = new StringBuilder("?");
        append(query, "from", q.getFrom());
        append(query, "to", q.getTo());
        append(query, "category", q.getCategory());
        append(query, "party", q.getParty());
        append(query, "state", q.getState());
        append(query, "admin1", q.getAdmin1());
        append(query, "view", "public".equals(view) ? "public" : null);
        model.addAttribute("mapUrl", "/processes/" + pid + "/monitoring/map.geojson" + query);
        boolean outside = !"public".equals(view) && monitoring.seesAll(pid, viewer);
        model.addAttribute("outsideUrl", outside ? "/processes/" + pid + "/monitoring/outside.geojson" + query : null);
        String tileUrl = monitoring.tileUrl();
        String origin = monitoring.tileOrigin();
        if (origin != null) {
            // the platform's policy, with the one tile server allowed for images (Spring Security keeps a policy already set)
            response.setHeader("Content-Security-Policy", ContentSecurityPolicy.pagesWithImagesFrom(origin));
        }
        model.addAttribute("tileUrl", origin == null ? null : tileUrl);
        model.addAttribute("unreadAlerts", monitoring.unreadAlerts(pid, Viewer.current()));
        model.addAttribute("canCeasefire", processes.mediates(pid, Viewer.current()));
        model.addAttribute("canImport", monitoring.seesAll(pid, Viewer.current()));
        model.addAttribute("canClaim", Viewer.current().is(org.parley.platform.Role.DELEGATE) && Viewer.current().partyId() != null);
        return "monitoring/dashboard";
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            sb.append(sb.length() > 1 ? "&" : "").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/processes/{processId}/monitoring/map.geojson")
    ResponseEntity<String> map(@PathVariable("processId") long pid, @ModelAttribute("q") MonitoringApi.EventQuery q,
                               @RequestParam(name = "view", required = false) String view, Locale locale) {
        Viewer viewer = "public".equals(view) ? Viewer.anonymous() : Viewer.current();
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/geo+json"))
                .body(exports.geojson(pid, monitoring.events(pid, q.filter(categories, pid), 5_000, viewer), locale));
    }

    /** The map's layer of outside sources (UCDP, ACLED imports), for those who see everything: kept apart from the events. */
    @GetMapping("/processes/{processId}/monitoring/outside.geojson")
    ResponseEntity<String> outside(@PathVariable("processId") long pid, @ModelAttribute("q") MonitoringApi.EventQuery q, Locale locale) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/geo+json"))
                .body(exports.outsideGeojson(pid, monitoring.outsideReports(pid, q.filter(categories, pid), 5_000, Viewer.current()), locale));
    }

    // --- reports

    @GetMapping("/processes/{processId}/monitoring/reports/new")
    String newReport(@PathVariable("processId") long pid, Model model) {
        observer(pid, model);
        ReportForm form = new ReportForm();
        form.setObservedFrom(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("form", form);
        return "monitoring/report-form";
    }

    @PostMapping("/processes/{processId}/monitoring/reports/new")
    ModelAndView addReport(@PathVariable("processId") long pid, @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
                           RedirectAttributes redirect) {
        observer(pid, model);
        if (!result.hasErrors()) {
            try {
                Monitoring.Submitted s = monitoring.submit(pid, form.command(), Viewer.current());
                redirect.addFlashAttribute("reported", s.report().id());
                return new ModelAndView("redirect:/processes/" + pid + "/monitoring/events/" + s.report().eventId());
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        ModelAndView mv = new ModelAndView("monitoring/report-form", model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    @GetMapping("/processes/{processId}/monitoring/reports/{reportId}/edit")
    String editReport(@PathVariable("processId") long pid, @PathVariable("reportId") long rid, Model model) {
        Report r = ownReport(pid, rid, model);
        model.addAttribute("form", ReportForm.of(r));
        return "monitoring/report-form";
    }

    @PostMapping("/processes/{processId}/monitoring/reports/{reportId}/edit")
    ModelAndView amendReport(@PathVariable("processId") long pid, @PathVariable("reportId") long rid, @ModelAttribute("form") ReportForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        ownReport(pid, rid, model);
        if (!result.hasErrors()) {
            try {
                Report r = monitoring.updateReport(pid, rid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "monitoring.report.amended");
                return new ModelAndView("redirect:/processes/" + pid + "/monitoring/events/" + r.eventId());
            } catch (InvalidInputException e) {
                addTo(result, e);
            }
        }
        ModelAndView mv = new ModelAndView("monitoring/report-form", model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    /** The viewer's own report, while it may still be amended; anyone else's is refused. */
    private Report ownReport(long pid, long rid, Model model) {
        observer(pid, model);
        Viewer viewer = Viewer.current();
        Report r = monitoring.report(pid, rid, viewer);
        if (!java.util.Objects.equals(r.authorAccountId(), viewer.accountId())) {
            throw new ForbiddenException("monitoring.error.notYourReport");
        }
        if (!monitoring.mayAmend(pid, r, viewer)) {
            throw new org.parley.platform.ConflictException("monitoring.report.eventDecided");
        }
        model.addAttribute("editing", rid);
        return r;
    }

    @PostMapping("/processes/{processId}/monitoring/reports/{reportId}/attachments")
    ModelAndView attach(@PathVariable("processId") long pid, @PathVariable("reportId") long rid,
                        @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file, Model model,
                        RedirectAttributes redirect, Locale locale) throws java.io.IOException {
        Viewer viewer = Viewer.current();
        Report r = monitoring.report(pid, rid, viewer);
        try {
            monitoring.attach(pid, rid, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                    file == null ? null : file.getBytes(), viewer);
            redirect.addFlashAttribute("notice", "monitoring.attachment.added");
            return new ModelAndView("redirect:/processes/" + pid + "/monitoring/events/" + r.eventId());
        } catch (InvalidInputException e) {
            processModel(pid, model, viewer);
            eventModel(pid, r.eventId(), viewer, model);
            model.addAttribute("form", new DecisionForm());
            var p = e.problems().getFirst();
            model.addAttribute("attachError", messages.getMessage(p.code(), p.args(), p.code(), locale));
            ModelAndView mv = new ModelAndView("monitoring/event", model.asMap());
            mv.setStatus(HttpStatus.BAD_REQUEST);
            return mv;
        }
    }

    @GetMapping("/processes/{processId}/monitoring/reports/{reportId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable("processId") long pid, @PathVariable("reportId") long rid,
                                      @PathVariable("attachmentId") long aid) {
        return MonitoringApi.download(monitoring.attachment(pid, rid, aid, Viewer.current()));
    }

    // --- events

    @GetMapping("/processes/{processId}/monitoring/events/{eventId}")
    String event(@PathVariable("processId") long pid, @PathVariable("eventId") long eid, Model model) {
        Viewer viewer = Viewer.current();
        processModel(pid, model, viewer);
        eventModel(pid, eid, viewer, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DecisionForm());
        }
        return "monitoring/event";
    }

    @PostMapping("/processes/{processId}/monitoring/events/{eventId}/decision")
    ModelAndView decide(@PathVariable("processId") long pid, @PathVariable("eventId") long eid, @ModelAttribute("form") DecisionForm form,
                        BindingResult result, Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewer.current();
        processModel(pid, model, viewer);
        if (!monitoring.mayVerify(pid, viewer)) {
            throw new ForbiddenException("monitoring.error.verifiersOnly");
        }
        if (!result.hasErrors()) {
            try {
                Event e = monitoring.decide(pid, eid, form.command(), viewer);
                redirect.addFlashAttribute("decided", e.state().name());
                return new ModelAndView("redirect:/processes/" + pid + "/monitoring/events/" + eid);
            } catch (InvalidInputException e) {
                addTo(result, e);
            } catch (org.parley.platform.ConflictException e) {
                result.reject(e.getMessage(), e.args(), e.getMessage());
            }
        }
        eventModel(pid, eid, viewer, model);
        ModelAndView mv = new ModelAndView("monitoring/event", model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    private void eventModel(long pid, long eid, Viewer viewer, Model model) {
        eventModel(monitoring, pid, eid, viewer, model);
    }

    static void eventModel(Monitoring monitoring, long pid, long eid, Viewer viewer, Model model) {
        Event e = monitoring.event(pid, eid, viewer);
        model.addAttribute("event", e);
        model.addAttribute("history", monitoring.history(pid, eid, viewer));
        model.addAttribute("violations", monitoring.violations(pid, eid, viewer));
        List<Report> reports = monitoring.seesAll(pid, viewer) ? monitoring.reportsOf(pid, eid, viewer) : List.of();
        model.addAttribute("reports", reports);
        model.addAttribute("mine", reports.stream().filter(r -> monitoring.mayAmend(pid, r, viewer)).map(Report::id).collect(Collectors.toSet()));
        model.addAttribute("canVerify", monitoring.mayVerify(pid, viewer) && !e.state().decided());
        model.addAttribute("decisionStates", List.of(EventState.CORROBORATED, EventState.VERIFIED, EventState.REFUTED, EventState.INCONCLUSIVE));
        model.addAttribute("canRegroup", monitoring.mayVerify(pid, viewer) && e.state().open());
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", new PageForms.MergeForm());
        }
        if (!model.containsAttribute("splitForm")) {
            model.addAttribute("splitForm", new PageForms.SplitForm());
        }
    }

    // --- helpers

    private Process processModel(long pid, Model model, Viewer viewer) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("seesAll", monitoring.seesAll(pid, viewer));
        model.addAttribute("canReport", monitoring.mayReport(pid, viewer));
        model.addAttribute("canSettings", processes.mediates(pid, viewer));
        model.addAttribute("categoryNames", categories.labels(pid, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return process;
    }

    private void observer(long pid, Model model) {
        Viewer viewer = Viewer.current();
        processModel(pid, model, viewer);
        if (!monitoring.mayReport(pid, viewer)) {
            throw new ForbiddenException(viewer.is(org.parley.platform.Role.OBSERVER) ? "monitoring.error.notServing" : "monitoring.error.observersOnly");
        }
        model.addAttribute("categories", categories.of(pid));
    }

    static void addTo(BindingResult result, InvalidInputException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (var p : e.problems()) {
            if (p.field() != null && form.isReadableProperty(p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        }
    }
}
