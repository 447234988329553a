package org.parley.forums;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.parley.engagement.Consultations;
import org.parley.hearings.Hearings;
import org.parley.petitions.CitizenPassCookie;
import org.parley.petitions.Participant;
import org.parley.petitions.Petitions;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.TooManyRequestsException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The forum pages: threads of the process (all, or about one subject) with the form for a new one, a thread
 * with its posts and the reply form, reports, the mediator's review, translations and moderation queue, and
 * the page the unfollow link in a notification opens (a POST button).
 */
@Controller
class ForumPages {

    private final Forums forums;
    private final Processes processes;
    private final Petitions petitions;
    private final Consultations consultations;
    private final Hearings hearings;
    private final CitizenPassCookie pass;

    ForumPages(Forums forums, Processes processes, Petitions petitions, Consultations consultations, Hearings hearings, CitizenPassCookie pass) {
        this.forums = forums;
        this.processes = processes;
        this.petitions = petitions;
        this.consultations = consultations;
        this.hearings = hearings;
        this.pass = pass;
    }

    @GetMapping("/processes/{processId}/forums")
    String list(@PathVariable("processId") long pid, @RequestParam(required = false) ForumSubject kind,
                @RequestParam(required = false) Long subject, Model model) {
        processModel(pid, model);
        model.addAttribute("threads", forums.threads(pid, kind, kind == null ? null : subject, Viewer.current()));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ForumSubject.values());
        model.addAttribute("subject", subject);
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", kind != null && subject != null ? kind + ":" + subject : "");
        }
        model.addAttribute("subjects", subjects(pid));
        return "forums/list";
    }

    @PostMapping("/processes/{processId}/forums/threads")
    ModelAndView start(@PathVariable("processId") long pid, @RequestParam(required = false) String subject,
                       @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                       @RequestParam(defaultValue = "false") boolean follow, Model model) {
        String[] parts = subject == null ? new String[0] : subject.split(":", 2);
        try {
            ForumSubject kind = parts.length == 2 ? ForumSubject.valueOf(parts[0]) : null;
            Long id = parts.length == 2 ? Long.valueOf(parts[1]) : null;
            if (kind == null) {
                throw new InvalidInputException("subjectId", "forums.subject.unknown");
            }
            long threadId = forums.startThread(pid, new NewThread(kind, id, title, body, lang(), follow), pass.participant(pid));
            return new ModelAndView("redirect:/processes/" + pid + "/forums/threads/" + threadId);
        } catch (IllegalArgumentException | InvalidInputException | ForbiddenException | TooManyRequestsException e) {
            model.addAttribute("formError", e instanceof InvalidInputException iie ? iie.problems().getFirst().code()
                    : e instanceof ForbiddenException || e instanceof TooManyRequestsException ? e.getMessage() : "forums.subject.unknown");
            model.addAttribute("chosen", subject);
            model.addAttribute("titleText", title);
            model.addAttribute("bodyText", body);
            ModelAndView mv = new ModelAndView(list(pid, null, null, model), model.asMap());
            mv.setStatus(HttpStatus.BAD_REQUEST);
            return mv;
        }
    }

    @GetMapping("/processes/{processId}/forums/threads/{threadId}")
    String thread(@PathVariable("processId") long pid, @PathVariable("threadId") long tid, Model model) {
        processModel(pid, model);
        Viewer viewer = Viewer.current();
        model.addAttribute("view", forums.thread(pid, tid, viewer));
        model.addAttribute("mediates", processes.mediates(pid, viewer));
        Participant me = viewer.isAnonymous() ? pass.current(pid).map(Participant::of).orElse(null) : Participant.of(viewer);
        model.addAttribute("canPost", me != null);
        model.addAttribute("following", me != null && forums.follows(tid, me));
        return "forums/thread";
    }

    @PostMapping("/processes/{processId}/forums/threads/{threadId}/posts")
    ModelAndView reply(@PathVariable("processId") long pid, @PathVariable("threadId") long tid, @RequestParam(required = false) String body,
                       @RequestParam(defaultValue = "false") boolean follow, Model model) {
        try {
            long postId = forums.reply(pid, tid, new NewPost(body, lang(), follow), pass.participant(pid));
            return new ModelAndView("redirect:/processes/" + pid + "/forums/threads/" + tid + "#post-" + postId);
        } catch (InvalidInputException | ForbiddenException | TooManyRequestsException e) {
            model.addAttribute("formError", e instanceof InvalidInputException iie ? iie.problems().getFirst().code() : e.getMessage());
            model.addAttribute("bodyText", body);
            ModelAndView mv = new ModelAndView(thread(pid, tid, model), model.asMap());
            mv.setStatus(e instanceof TooManyRequestsException ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST);
            return mv;
        }
    }

    @PostMapping("/processes/{processId}/forums/threads/{threadId}/follow")
    String follow(@PathVariable("processId") long pid, @PathVariable("threadId") long tid, RedirectAttributes flash) {
        return act(flash, () -> {
            forums.follow(pid, tid, pass.participant(pid));
            return "forums.follow.done";
        }, threadPath(pid, tid));
    }

    @PostMapping("/processes/{processId}/forums/threads/{threadId}/unfollow")
    String unfollow(@PathVariable("processId") long pid, @PathVariable("threadId") long tid, RedirectAttributes flash) {
        return act(flash, () -> {
            forums.unfollow(pid, tid, pass.participant(pid));
            return "forums.unfollow.done";
        }, threadPath(pid, tid));
    }

    @PostMapping("/processes/{processId}/forums/posts/{postId}/report")
    String report(@PathVariable("processId") long pid, @PathVariable("postId") long postId, @RequestParam long thread,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(flash, () -> forums.report(pid, postId, reason, pass.participant(pid)) == PostStatus.HIDDEN
                ? "forums.report.hidden" : "forums.report.done", threadPath(pid, thread) + "#post-" + postId);
    }

    @PostMapping("/processes/{processId}/forums/posts/{postId}/review")
    String review(@PathVariable("processId") long pid, @PathVariable("postId") long postId, @RequestParam(required = false) Review.Decision decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Long thread, RedirectAttributes flash) {
        String back = thread == null ? "/processes/" + pid + "/forums/moderation" : threadPath(pid, thread) + "#post-" + postId;
        return act(flash, () -> {
            if (decision == null) {
                throw new InvalidInputException("decision", "forums.review.decisionRequired");
            }
            forums.review(pid, postId, new Review(decision, reason), Viewer.current());
            return decision == Review.Decision.RESTORE ? "forums.review.restored" : "forums.review.removed";
        }, back);
    }

    @PostMapping("/processes/{processId}/forums/posts/{postId}/translation")
    String translate(@PathVariable("processId") long pid, @PathVariable("postId") long postId, @RequestParam long thread,
                     @RequestParam(required = false) String language, @RequestParam(required = false) String title,
                     @RequestParam(required = false) String body, RedirectAttributes flash) {
        return act(flash, () -> {
            if (body == null || body.isBlank() || body.length() > Forums.MAX_BODY || (title != null && title.length() > 200)) {
                throw new InvalidInputException("body", "forums.body.invalid");
            }
            forums.translate(pid, postId, language == null ? "" : language, new NewTranslation(title, body), Viewer.current());
            return "forums.translation.saved";
        }, threadPath(pid, thread) + "#post-" + postId);
    }

    @GetMapping("/processes/{processId}/forums/moderation")
    String moderation(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        model.addAttribute("queue", forums.queue(pid, Viewer.current()));
        model.addAttribute("settings", forums.settings(pid));
        return "forums/moderation";
    }

    @PostMapping("/processes/{processId}/forums/settings")
    String settings(@PathVariable("processId") long pid, @RequestParam(required = false) Integer reportThreshold, RedirectAttributes flash) {
        return act(flash, () -> {
            if (reportThreshold == null || reportThreshold < 1 || reportThreshold > 100) {
                throw new InvalidInputException("reportThreshold", "forums.settings.threshold");
            }
            forums.updateSettings(pid, new ForumSettings(reportThreshold), Viewer.current());
            return "forums.settings.saved";
        }, "/processes/" + pid + "/forums/moderation");
    }

    @GetMapping("/forums/unfollow")
    String unfollowLink(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("thread", forums.threadOfUnfollowLink(token).orElse(null));
        return "forums/unfollow";
    }

    @PostMapping("/forums/unfollow")
    String unfollowByLink(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("thread", forums.threadOfUnfollowLink(token).orElse(null));
        model.addAttribute("done", forums.unfollow(token).isPresent());
        model.addAttribute("token", "");
        return "forums/unfollow";
    }

    // --- helpers

    private static String threadPath(long pid, long tid) {
        return "/processes/" + pid + "/forums/threads/" + tid;
    }

    private static String act(RedirectAttributes flash, Supplier<String> action, String back) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.problems().getFirst().code());
        } catch (ConflictException | ForbiddenException | TooManyRequestsException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    /** What a new thread may be about, by kind: "KIND:id" → name. */
    private Map<ForumSubject, Map<String, String>> subjects(long pid) {
        Map<ForumSubject, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> tracks = new LinkedHashMap<>();
        processes.tracks(pid).forEach(t -> tracks.put("TRACK:" + t.id(), t.name()));
        out.put(ForumSubject.TRACK, tracks);
        Map<String, String> petitionNames = new LinkedHashMap<>();
        petitions.list(pid, Viewer.anonymous()).forEach(p -> petitionNames.put("PETITION:" + p.id(), p.title()));
        out.put(ForumSubject.PETITION, petitionNames);
        Map<String, String> consultationNames = new LinkedHashMap<>();
        consultations.list(pid).forEach(c -> consultationNames.put("CONSULTATION:" + c.id(), c.question()));
        out.put(ForumSubject.CONSULTATION, consultationNames);
        Map<String, String> hearingNames = new LinkedHashMap<>();
        hearings.list(pid).forEach(h -> hearingNames.put("HEARING:" + h.id(), h.title()));
        out.put(ForumSubject.HEARING, hearingNames);
        return out;
    }

    private static String lang() {
        String l = LocaleContextHolder.getLocale().getLanguage();
        return l.matches("en|uk|ru") ? l : "en";
    }

    private void processModel(long pid, Model model) {
        model.addAttribute("process", processes.get(pid));
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
    }
}
