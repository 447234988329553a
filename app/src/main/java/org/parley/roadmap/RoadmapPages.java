package org.parley.roadmap;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.process.Session;
import org.parley.process.Track;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * A process's overview, its roadmap (a timeline drawn in SVG with no script, and a table), each
 * milestone with its full status history, and the forms its mediators use to plan milestones and
 * record progress with evidence.
 */
@Controller
class RoadmapPages {

    /** Where the language switch returns after a POST to a milestone's status form. */
    private static final String BACK = "org.parley.platform.web.Ui.back";

    private final Roadmap roadmap;
    private final Processes processes;
    private final MessageSource messages;
    private final Clock clock;

    RoadmapPages(Roadmap roadmap, Processes processes, MessageSource messages, Clock clock) {
        this.roadmap = roadmap;
        this.processes = processes;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("statuses")
    MilestoneStatus[] statuses() {
        return MilestoneStatus.values();
    }

    @ModelAttribute("dueKinds")
    DueKind[] dueKinds() {
        return DueKind.values();
    }

    @ModelAttribute("offsetUnits")
    OffsetUnit[] offsetUnits() {
        return OffsetUnit.values();
    }

    // --- overview

    @GetMapping("/processes/{processId}")
    String overview(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        List<Milestone> milestones = roadmap.milestones(pid);
        Instant now = clock.instant();
        List<Session> sessions = processes.sessions(pid, Viewer.current());
        Map<MilestoneStatus, Long> byStatus = new EnumMap<>(MilestoneStatus.class);
        for (MilestoneStatus s : MilestoneStatus.values()) {
            byStatus.put(s, milestones.stream().filter(m -> m.status() == s).count());
        }
        model.addAttribute("milestoneCount", milestones.size());
        model.addAttribute("sessionCount", sessions.size());
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("overdue", milestones.stream().filter(Milestone::overdue).sorted(Comparator.comparing(Milestone::dueDate)).toList());
        model.addAttribute("atRisk", milestones.stream().filter(Milestone::atRisk).sorted(Comparator.comparing(Milestone::dueDate)).toList());
        model.addAttribute("nextMilestones", milestones.stream().filter(m -> m.status().isOpen() && !m.overdue())
                .sorted(Comparator.comparing(Milestone::dueDate)).limit(5).toList());
        model.addAttribute("nextSessions", sessions.stream().filter(s -> s.startsAt().isAfter(now))
                .sorted(Comparator.comparing(Session::startsAt)).limit(5).toList());
        model.addAttribute("lastSession", sessions.stream().filter(s -> !s.startsAt().isAfter(now))
                .max(Comparator.comparing(Session::startsAt)).orElse(null));
        model.addAttribute("today", roadmap.today());
        model.addAttribute("daysSinceStart", ChronoUnit.DAYS.between(((Process) model.getAttribute("process")).startDate(), roadmap.today()));
        return "roadmap/overview";
    }

    // --- roadmap

    @GetMapping("/processes/{processId}/roadmap")
    String roadmap(@PathVariable("processId") long pid, @RequestParam(name = "track", required = false) Long trackId,
                   @RequestParam(name = "party", required = false) Long partyId,
                   @RequestParam(name = "page", defaultValue = "1") int page, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        Process process = processModel(pid, model);
        @SuppressWarnings("unchecked")
        Map<Long, Track> trackById = (Map<Long, Track>) model.getAttribute("trackById");
        @SuppressWarnings("unchecked")
        Map<Long, Party> partyById = (Map<Long, Party>) model.getAttribute("partyById");
        // A filter naming something not in this process is ignored rather than drawing an empty chart.
        Long track = trackId != null && trackById.containsKey(trackId) ? trackId : null;
        Long party = partyId != null && partyById.containsKey(partyId) ? partyId : null;
        List<Milestone> all = roadmap.milestones(pid);
        int first = (Math.max(1, Math.min(page, Integer.MAX_VALUE / Timeline.PAGE_SIZE)) - 1) * Timeline.PAGE_SIZE;
        Timeline timeline = Timeline.of(process.startDate(), roadmap.today(), all, track, party, first, Timeline.PAGE_SIZE);
        model.addAttribute("timeline", timeline);
        model.addAttribute("pager", Pager.of(timeline));
        model.addAttribute("arrows", arrows(timeline));
        model.addAttribute("selectedTrack", track);
        model.addAttribute("selectedParty", party);
        model.addAttribute("milestoneById", byId(all));
        model.addAttribute("d0X", xOf(timeline, process.startDate()));
        model.addAttribute("tickStep", Math.max(1, (timeline.ticks().size() + 11) / 12));
        model.addAttribute("today", roadmap.today());
        response.addHeader("Vary", "HX-Request");
        boolean htmx = "true".equals(request.getHeader("HX-Request")) && request.getHeader("HX-History-Restore-Request") == null;
        return htmx ? "roadmap/roadmap :: timeline-region" : "roadmap/roadmap";
    }

    /** Where a page of the roadmap stands: page {@code page} of {@code pages}, rows {@code from}–{@code to} of {@code total}. */
    record Pager(int page, int pages, int from, int to, int total) {
        static Pager of(Timeline t) {
            return new Pager(t.first() / Timeline.PAGE_SIZE + 1, Math.max(1, (t.total() + Timeline.PAGE_SIZE - 1) / Timeline.PAGE_SIZE),
                    t.first() + 1, t.first() + t.bars().size(), t.total());
        }

        public boolean paged() {
            return pages > 1;
        }
    }

    /** A dependency arrow as drawn: from the end of the prerequisite's bar into the dependent's bar. */
    record Arrow(long fromId, long toId, String d) {
    }

    /**
     * The timeline's elbows, except where the dependent bar starts right where its prerequisite ends (the
     * usual case): there an elbow would have to double back, so the arrow drops onto the top of the bar.
     */
    static List<Arrow> arrows(Timeline timeline) {
        Map<Long, Timeline.Bar> bars = new LinkedHashMap<>();
        timeline.bars().forEach(b -> bars.put(b.milestone().id(), b));
        List<Arrow> arrows = new ArrayList<>();
        for (Timeline.Link l : timeline.links()) {
            Timeline.Bar to = bars.get(l.toId());
            if (l.x2() - l.x1() >= 14 || to == null) {
                arrows.add(new Arrow(l.fromId(), l.toId(), l.path()));
                continue;
            }
            double x = Math.min(Math.max(l.x1() + 8, to.x() + 4), to.endX() - 2);
            // Down onto the bar's top edge, or up onto its bottom edge if it is drawn above.
            double end = l.y2() > l.y1() ? to.y() - 2 : to.y() + 20;
            arrows.add(new Arrow(l.fromId(), l.toId(), String.format(java.util.Locale.ROOT, "M%.1f,%.1f H%.1f V%.1f",
                    l.x1(), l.y1(), x, end)));
        }
        return arrows;
    }

    /** The x of a date on the timeline's scale, or -1 when it falls outside the drawn months. */
    static double xOf(Timeline t, LocalDate date) {
        if (date.isBefore(t.from()) || date.isAfter(t.to())) {
            return -1;
        }
        double perDay = (double) Timeline.CHART_WIDTH / Math.max(1, ChronoUnit.DAYS.between(t.from(), t.to()));
        return Timeline.LABEL_WIDTH + ChronoUnit.DAYS.between(t.from(), date) * perDay;
    }

    @GetMapping("/processes/{processId}/milestones")
    String milestones(@PathVariable("processId") long pid) {
        processes.get(pid);
        return "redirect:/processes/" + pid + "/roadmap";
    }

    // --- one milestone

    @GetMapping("/processes/{processId}/milestones/{milestoneId}")
    String milestone(@PathVariable("processId") long pid, @PathVariable("milestoneId") long mid, Model model) {
        Milestone m = milestonePage(pid, mid, model);
        StatusForm form = new StatusForm();
        form.setEffectiveOn(roadmap.today());
        model.addAttribute("statusForm", form);
        return "roadmap/milestone";
    }

    @PostMapping("/processes/{processId}/milestones/{milestoneId}/status")
    ModelAndView changeStatus(@PathVariable("processId") long pid, @PathVariable("milestoneId") long mid, @Valid @ModelAttribute("statusForm") StatusForm form,
                              BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        request.setAttribute(BACK, "/processes/" + pid + "/milestones/" + mid);
        requireMediator(pid);
        if (!result.hasErrors()) {
            try {
                Milestone changed = roadmap.changeStatus(pid, mid, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "milestone.status.changed");
                redirect.addFlashAttribute("noticeArg", changed.status().name());
                return new ModelAndView("redirect:/processes/" + pid + "/milestones/" + mid + "#history");
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            } catch (ConflictException e) {
                milestonePage(pid, mid, model);
                model.addAttribute("conflict", conflictMessage(e));
                return withStatus("roadmap/milestone", HttpStatus.CONFLICT);
            }
        }
        milestonePage(pid, mid, model);
        return withStatus("roadmap/milestone", HttpStatus.BAD_REQUEST);
    }

    private Milestone milestonePage(long pid, long mid, Model model) {
        processModel(pid, model);
        Milestone m = roadmap.milestone(pid, mid);
        List<Milestone> all = roadmap.milestones(pid);
        model.addAttribute("milestone", m);
        model.addAttribute("milestoneById", byId(all));
        model.addAttribute("dependents", all.stream().filter(o -> o.dependsOn().contains(mid)).toList());
        model.addAttribute("history", roadmap.history(pid, mid).reversed());
        model.addAttribute("nextStatuses", m.status().next());
        model.addAttribute("today", roadmap.today());
        return m;
    }

    // --- milestone forms

    @GetMapping("/processes/{processId}/milestones/new")
    String newMilestone(@PathVariable("processId") long pid, @RequestParam(name = "track", required = false) Long track, Model model) {
        mediated(pid, model);
        MilestoneForm form = new MilestoneForm();
        form.setTrackId(track);
        model.addAttribute("form", form);
        return milestoneForm(pid, null, model);
    }

    @PostMapping("/processes/{processId}/milestones/new")
    ModelAndView createMilestone(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") MilestoneForm form, BindingResult result,
                                 Model model) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                Milestone created = roadmap.create(pid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/milestones/" + created.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return withStatus(milestoneForm(pid, null, model), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/milestones/{milestoneId}/edit")
    String editMilestone(@PathVariable("processId") long pid, @PathVariable("milestoneId") long mid, Model model) {
        mediated(pid, model);
        Milestone m = roadmap.milestone(pid, mid);
        model.addAttribute("form", MilestoneForm.of(m));
        return milestoneForm(pid, m, model);
    }

    @PostMapping("/processes/{processId}/milestones/{milestoneId}/edit")
    ModelAndView updateMilestone(@PathVariable("processId") long pid, @PathVariable("milestoneId") long mid, @Valid @ModelAttribute("form") MilestoneForm form,
                                 BindingResult result, Model model) {
        mediated(pid, model);
        Milestone m = roadmap.milestone(pid, mid);
        if (!result.hasErrors()) {
            try {
                roadmap.update(pid, mid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/milestones/" + mid);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return withStatus(milestoneForm(pid, m, model), HttpStatus.BAD_REQUEST);
    }

    private String milestoneForm(long pid, Milestone editing, Model model) {
        model.addAttribute("editing", editing);
        model.addAttribute("others", roadmap.milestones(pid).stream()
                .filter(o -> editing == null || o.id() != editing.id())
                .sorted(Comparator.comparing(Milestone::dueDate).thenComparing(Milestone::id)).toList());
        return "roadmap/milestone-form";
    }

    // --- helpers

    private Process processModel(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        List<Track> tracks = processes.tracks(pid);
        model.addAttribute("trackList", tracks);
        model.addAttribute("trackById", tracks.stream().collect(Collectors.toMap(Track::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("partyCount", parties.size());
        model.addAttribute("trackCount", tracks.size());
        return process;
    }

    private void mediated(long pid, Model model) {
        processModel(pid, model);
        requireMediator(pid);
    }

    private void requireMediator(long pid) {
        processes.get(pid);
        if (!processes.mediates(pid, Viewer.current())) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
    }

    private static Map<Long, Milestone> byId(List<Milestone> all) {
        return all.stream().collect(Collectors.toMap(Milestone::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The conflict in the reader's language; statuses named by their labels, not their codes. */
    private String conflictMessage(ConflictException e) {
        var locale = LocaleContextHolder.getLocale();
        Object[] args = e.args() == null ? new Object[0] : e.args().clone();
        List<Object> shown = new ArrayList<>();
        for (Object arg : args) {
            shown.add(arg instanceof MilestoneStatus s ? messages.getMessage("status." + s.name(), null, s.name(), locale) : arg);
        }
        return messages.getMessage(e.getMessage(), shown.toArray(), e.getMessage(), locale);
    }

    private static ModelAndView withStatus(String view, HttpStatus status) {
        ModelAndView mv = new ModelAndView(view);
        mv.setStatus(status);
        return mv;
    }
}
