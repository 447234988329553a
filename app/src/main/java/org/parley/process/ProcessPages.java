package org.parley.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.parley.platform.Accounts;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of the dialogue: the list of processes, and each process's parties, tracks and sessions, with
 * the forms its mediators use. The overview and the roadmap are the roadmap feature's pages.
 */
@Controller
class ProcessPages {

    private final Processes processes;
    private final Accounts accounts;
    private final Clock clock;

    ProcessPages(Processes processes, Accounts accounts, Clock clock) {
        this.processes = processes;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The choices of who may read a session's outcome, for the session and outcome forms. */
    @ModelAttribute("visibilities")
    Visibility[] visibilities() {
        return Visibility.values();
    }

    // --- home and processes

    @GetMapping("/")
    String home(Model model) {
        List<Process> all = processes.all();
        model.addAttribute("processes", all);
        model.addAttribute("canCreate", Viewer.current().is(Role.MEDIATOR));
        Map<Long, Integer> partyCounts = new LinkedHashMap<>();
        Map<Long, Integer> trackCounts = new LinkedHashMap<>();
        for (Process p : all) {
            partyCounts.put(p.id(), processes.parties(p.id()).size());
            trackCounts.put(p.id(), processes.tracks(p.id()).size());
        }
        model.addAttribute("partyCounts", partyCounts);
        model.addAttribute("trackCounts", trackCounts);
        return "home";
    }

    @GetMapping("/processes")
    String processes() {
        return "redirect:/";
    }

    @GetMapping("/processes/new")
    String newProcess(Model model) {
        requireMediatorRole();
        ProcessForm form = new ProcessForm();
        form.setStartDate(java.time.LocalDate.now(clock));
        model.addAttribute("form", form);
        model.addAttribute("editing", false);
        model.addAttribute("statuses", ProcessStatus.values());
        return "process/process-form";
    }

    @PostMapping("/processes/new")
    ModelAndView createProcess(@Valid @ModelAttribute("form") ProcessForm form, BindingResult result, Model model) {
        requireMediatorRole();
        if (!result.hasErrors()) {
            try {
                Process created = processes.create(form.command(), Viewer.current());
                return redirect("/processes/" + created.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        model.addAttribute("editing", false);
        model.addAttribute("statuses", ProcessStatus.values());
        return invalid("process/process-form", model);
    }

    @GetMapping("/processes/{processId}/edit")
    String editProcess(@PathVariable("processId") long pid, Model model) {
        Process process = mediated(pid, model);
        model.addAttribute("form", ProcessForm.of(process));
        model.addAttribute("editing", true);
        model.addAttribute("statuses", ProcessStatus.values());
        return "process/process-form";
    }

    @PostMapping("/processes/{processId}/edit")
    ModelAndView updateProcess(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") ProcessForm form, BindingResult result, Model model) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                processes.update(pid, form.command(), Viewer.current());
                return redirect("/processes/" + pid);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        model.addAttribute("editing", true);
        model.addAttribute("statuses", ProcessStatus.values());
        return invalid("process/process-form", model);
    }

    // --- parties

    @GetMapping("/processes/{processId}/parties")
    String parties(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        List<Party> parties = processes.parties(pid);
        List<Track> tracks = processes.tracks(pid);
        model.addAttribute("parties", parties);
        Map<Long, List<Track>> tracksOf = new LinkedHashMap<>();
        parties.forEach(p -> tracksOf.put(p.id(), tracks.stream().filter(t -> t.partyIds().contains(p.id())).toList()));
        model.addAttribute("tracksOf", tracksOf);
        return "process/parties";
    }

    @GetMapping("/processes/{processId}/parties/new")
    String newParty(@PathVariable("processId") long pid, Model model) {
        mediated(pid, model);
        model.addAttribute("form", new PartyForm());
        return partyForm(model);
    }

    @PostMapping("/processes/{processId}/parties/new")
    ModelAndView addParty(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") PartyForm form, BindingResult result, Model model) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                processes.addParty(pid, form.command(), Viewer.current());
                return redirect("/processes/" + pid + "/parties");
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return invalid(partyForm(model), model);
    }

    private String partyForm(Model model) {
        model.addAttribute("kinds", PartyKind.values());
        model.addAttribute("roles", PartyRole.values());
        return "process/party-form";
    }

    // --- tracks

    @GetMapping("/processes/{processId}/tracks")
    String tracks(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        List<Track> tracks = processes.tracks(pid);
        List<Session> sessions = processes.sessions(pid, Viewer.current());
        model.addAttribute("tracks", tracks);
        model.addAttribute("sessionCounts", sessions.stream().collect(Collectors.groupingBy(Session::trackId, Collectors.counting())));
        model.addAttribute("nextSessions", nextSessionOfEachTrack(sessions, clock.instant()));
        return "process/tracks";
    }

    @GetMapping("/processes/{processId}/tracks/{trackId}")
    String track(@PathVariable("processId") long pid, @PathVariable("trackId") long tid, Model model) {
        processModel(pid, model);
        Track track = processes.track(pid, tid);
        model.addAttribute("track", track);
        model.addAttribute("sessions", processes.sessionsOfTrack(pid, tid, Viewer.current()).stream()
                .sorted(Comparator.comparing(Session::startsAt)).toList());
        model.addAttribute("now", clock.instant());
        return "process/track";
    }

    @GetMapping("/processes/{processId}/tracks/new")
    String newTrack(@PathVariable("processId") long pid, Model model) {
        mediated(pid, model);
        model.addAttribute("form", new TrackForm());
        return trackForm(model);
    }

    @PostMapping("/processes/{processId}/tracks/new")
    ModelAndView addTrack(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") TrackForm form, BindingResult result, Model model) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                Track track = processes.addTrack(pid, form.command(), Viewer.current());
                return redirect("/processes/" + pid + "/tracks/" + track.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return invalid(trackForm(model), model);
    }

    private String trackForm(Model model) {
        model.addAttribute("mediators", accounts.all().stream().filter(a -> a.role() == Role.MEDIATOR).toList());
        return "process/track-form";
    }

    // --- sessions

    @GetMapping("/processes/{processId}/sessions")
    String sessions(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        Instant now = clock.instant();
        List<Session> all = processes.sessions(pid, Viewer.current());
        model.addAttribute("upcoming", all.stream().filter(s -> !ended(s, now)).sorted(Comparator.comparing(Session::startsAt)).toList());
        model.addAttribute("past", all.stream().filter(s -> ended(s, now)).sorted(Comparator.comparing(Session::startsAt).reversed()).toList());
        return "process/sessions";
    }

    @GetMapping("/processes/{processId}/sessions/{sessionId}")
    String session(@PathVariable("processId") long pid, @PathVariable("sessionId") long sid, Model model) {
        processModel(pid, model);
        Session session = processes.session(pid, sid, Viewer.current());
        model.addAttribute("meeting", session);
        model.addAttribute("track", processes.track(pid, session.trackId()));
        model.addAttribute("ended", ended(session, clock.instant()));
        return "process/session";
    }

    @GetMapping("/processes/{processId}/sessions/new")
    String newSession(@PathVariable("processId") long pid, @org.springframework.web.bind.annotation.RequestParam(required = false) Long track,
                      Model model) {
        mediated(pid, model);
        SessionForm form = new SessionForm();
        form.setTrackId(track);
        model.addAttribute("form", form);
        return "process/session-form";
    }

    @PostMapping("/processes/{processId}/sessions/new")
    ModelAndView addSession(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") SessionForm form, BindingResult result, Model model) {
        mediated(pid, model);
        if (!result.hasErrors()) {
            try {
                Session session = processes.addSession(pid, form.command(), Viewer.current());
                return redirect("/processes/" + pid + "/sessions/" + session.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return invalid("process/session-form", model);
    }

    @GetMapping("/processes/{processId}/sessions/{sessionId}/outcome")
    String outcomeForm(@PathVariable("processId") long pid, @PathVariable("sessionId") long sid, Model model) {
        mediated(pid, model);
        Session session = processes.session(pid, sid, Viewer.current());
        Track track = processes.track(pid, session.trackId());
        model.addAttribute("form", OutcomeForm.of(session, track));
        return outcomePage(session, track, model);
    }

    @PostMapping("/processes/{processId}/sessions/{sessionId}/outcome")
    ModelAndView recordOutcome(@PathVariable("processId") long pid, @PathVariable("sessionId") long sid, @Valid @ModelAttribute("form") OutcomeForm form,
                               BindingResult result, Model model) {
        mediated(pid, model);
        Session session = processes.session(pid, sid, Viewer.current());
        Track track = processes.track(pid, session.trackId());
        if (!result.hasErrors()) {
            try {
                processes.recordOutcome(pid, sid, form.command(), Viewer.current());
                return redirect("/processes/" + pid + "/sessions/" + sid);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        form.padActions();
        return invalid(outcomePage(session, track, model), model);
    }

    private String outcomePage(Session session, Track track, Model model) {
        model.addAttribute("meeting", session);
        model.addAttribute("track", track);
        return "process/outcome-form";
    }

    // --- helpers

    /** Puts the process, its parties and tracks (by id) and whether the viewer mediates it into the model. */
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
        return process;
    }

    /** As {@link #processModel}, for the forms only this process's mediators may open. */
    private Process mediated(long pid, Model model) {
        Process process = processModel(pid, model);
        if (!processes.mediates(pid, Viewer.current())) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        return process;
    }

    private static void requireMediatorRole() {
        if (!Viewer.current().is(Role.MEDIATOR)) {
            throw new ForbiddenException("error.mediatorsOnly");
        }
    }

    private static boolean ended(Session s, Instant now) {
        Instant end = s.endsAt() != null ? s.endsAt() : s.startsAt().plus(java.time.Duration.ofHours(12));
        return end.isBefore(now);
    }

    private static Map<Long, Session> nextSessionOfEachTrack(List<Session> sessions, Instant now) {
        Map<Long, Session> next = new LinkedHashMap<>();
        sessions.stream().filter(s -> s.startsAt().isAfter(now)).sorted(Comparator.comparing(Session::startsAt))
                .forEach(s -> next.putIfAbsent(s.trackId(), s));
        return next;
    }

    private static ModelAndView redirect(String path) {
        return new ModelAndView("redirect:" + path);
    }

    /** The form again, with what was typed and a message by each field: 400. */
    private static ModelAndView invalid(String view, Model model) {
        ModelAndView mv = new ModelAndView(view, model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }
}
