package org.parley.engagement;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation pages: the list, the organiser's form, the page where the public votes (one
 * statement at a time, swapped in by htmx; plain forms work without script), the report and the
 * moderation queue. A participant is a random token in a cookie, no account.
 */
@Controller
class ConsultationPages {

    static final String COOKIE = "parley_participant";

    private final Consultations consultations;
    private final EmailVerifications emails;
    private final Demographics demographics;
    private final Processes processes;
    private final MessageSource messages;
    private final Clock clock;

    ConsultationPages(Consultations consultations, EmailVerifications emails, Demographics demographics, Processes processes,
                      MessageSource messages, Clock clock) {
        this.consultations = consultations;
        this.emails = emails;
        this.demographics = demographics;
        this.processes = processes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/processes/{processId}/consultations")
    String list(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        List<Consultation> all = consultations.list(pid);
        model.addAttribute("consultations", all);
        Map<Long, Consultation.Phase> phases = new LinkedHashMap<>();
        all.forEach(c -> phases.put(c.id(), consultations.phase(c)));
        model.addAttribute("phases", phases);
        return "consultations/list";
    }

    @GetMapping("/processes/{processId}/consultations/new")
    String newForm(@PathVariable("processId") long pid, Model model) {
        organised(pid, model);
        ConsultationForm form = new ConsultationForm();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MINUTES);
        form.setOpensAt(now.toString());
        form.setClosesAt(now.plusWeeks(2).toString());
        model.addAttribute("form", form);
        return "consultations/form";
    }

    @PostMapping("/processes/{processId}/consultations/new")
    ModelAndView create(@PathVariable("processId") long pid, @ModelAttribute("form") ConsultationForm form, BindingResult result, Model model) {
        organised(pid, model);
        if (!result.hasErrors()) {
            try {
                Consultation c = consultations.create(pid, form.command(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + c.id());
            } catch (InvalidInputException e) {
                addProblems(result, e);
            }
        }
        return invalid("consultations/form", model);
    }

    @GetMapping("/processes/{processId}/consultations/{consultationId}")
    ModelAndView page(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                      @CookieValue(name = COOKIE, required = false) String token, Model model) {
        return participationPage(pid, cid, token, model);
    }

    /** The page where the public takes part, for the participant behind the cookie (if any). */
    private ModelAndView participationPage(long pid, long cid, String token, Model model) {
        Consultation c = pageModel(pid, cid, model);
        Optional<Long> participant = consultations.participant(cid, token, false);
        card(pid, c, participant.orElse(null), model);
        if (!model.containsAttribute("statementForm")) {
            StatementForm sf = new StatementForm();
            sf.setLanguage(c.languages().contains(lang()) ? lang() : c.languages().getFirst());
            model.addAttribute("statementForm", sf);
        }
        questionsModel(pid, c, participant.orElse(null), model);
        return new ModelAndView("consultations/consultation", model.asMap());
    }

    /** The demographic questions this participant has not answered yet (a new visitor sees them all). */
    private void questionsModel(long pid, Consultation c, Long participant, Model model) {
        List<Question> all = demographics.questions(pid, c.id());
        Map<Long, Integer> mine = participant == null ? Map.of() : demographics.answersOf(participant);
        model.addAttribute("openQuestions", all.stream().filter(q -> !mine.containsKey(q.id())).toList());
        model.addAttribute("answeredQuestions", mine.size());
        if (!model.containsAttribute("typedAnswers")) {
            model.addAttribute("typedAnswers", Map.of());
        }
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/vote")
    String vote(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                @RequestParam(name = "statementId", required = false) Long statementId, @RequestParam(name = "vote", required = false) VoteChoice vote,
                @CookieValue(name = COOKIE, required = false) String token, @RequestHeader(name = "HX-Request", required = false) String htmx,
                HttpServletResponse response, Model model) {
        Consultation c = pageModel(pid, cid, model);
        Long participant = participantFor(c, token, response);
        try {
            consultations.vote(pid, cid, participant, new NewVote(statementId, vote));
        } catch (InvalidInputException e) {
            model.addAttribute("voteError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (TooManyRequestsException e) {
            model.addAttribute("voteError", text(e.getMessage()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        } catch (ConflictException e) {
            model.addAttribute("voteError", text(e.getMessage()));
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        if (htmx == null && !model.containsAttribute("voteError")) {
            return "redirect:/processes/" + pid + "/consultations/" + cid;
        }
        card(pid, c, participant, model);
        questionsModel(pid, c, participant, model);
        if (htmx != null) {
            if (response.getStatus() >= 400) {
                response.setStatus(HttpStatus.OK.value()); // htmx swaps only successful answers; the card shows the error
            }
            return "consultations/consultation :: card";
        }
        model.addAttribute("statementForm", new StatementForm());
        return "consultations/consultation";
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/join")
    String join(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                @RequestParam(name = "invitationCode", required = false) String code,
                @CookieValue(name = COOKIE, required = false) String token, HttpServletResponse response, RedirectAttributes flash) {
        try {
            String t = consultations.join(pid, cid, code, token);
            setCookie(response, t);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("joinError", text(e.problems().getFirst().code()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("joinError", text(e.getMessage()));
        }
        return "redirect:/processes/" + pid + "/consultations/" + cid;
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/statements")
    ModelAndView submit(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                        @ModelAttribute("statementForm") StatementForm form, BindingResult result,
                        @CookieValue(name = COOKIE, required = false) String token, HttpServletResponse response, Model model,
                        RedirectAttributes flash) {
        Consultation c = pageModel(pid, cid, model);
        Long participant = participantFor(c, token, response);
        try {
            Statement s = consultations.submit(pid, cid, participant, new NewStatement(form.getText(), form.getLanguage()), Viewer.current());
            flash.addFlashAttribute("notice", s.status() == Statement.Status.PENDING ? "consultations.statement.pending" : "consultations.statement.published");
            return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + cid);
        } catch (InvalidInputException e) {
            addProblems(result, e);
        } catch (TooManyRequestsException | ConflictException e) {
            result.reject(e.getMessage(), e.getMessage());
        }
        card(pid, c, participant, model);
        questionsModel(pid, c, participant, model);
        return invalid("consultations/consultation", model);
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/email")
    ModelAndView mailLink(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                          @RequestParam(name = "email", required = false) String email,
                          @CookieValue(name = COOKIE, required = false) String token, HttpServletRequest request, Model model,
                          RedirectAttributes flash) {
        HttpStatus status;
        try {
            emails.request(pid, cid, email, request.getRemoteAddr());
            flash.addFlashAttribute("notice", "consultations.email.sent");
            return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + cid);
        } catch (InvalidInputException e) {
            model.addAttribute("emailError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
            status = HttpStatus.BAD_REQUEST;
        } catch (TooManyRequestsException e) {
            model.addAttribute("emailError", text(e.getMessage()));
            status = HttpStatus.TOO_MANY_REQUESTS;
        } catch (ConflictException e) {
            model.addAttribute("emailError", text(e.getMessage()));
            status = HttpStatus.CONFLICT;
        }
        model.addAttribute("emailValue", email);
        ModelAndView mv = participationPage(pid, cid, token, model);
        mv.setStatus(status);
        return mv;
    }

    /** The page a mailed link opens: confirming is a POST, so mail scanners that open links change nothing. */
    @GetMapping("/processes/{processId}/consultations/{consultationId}/verify")
    String verifyPage(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                      @RequestParam(name = "t", required = false) String linkToken, Model model) {
        pageModel(pid, cid, model);
        model.addAttribute("linkToken", linkToken);
        model.addAttribute("linkState", emails.state(pid, cid, linkToken));
        return "consultations/verify";
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/verify")
    ModelAndView verify(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                        @RequestParam(name = "t", required = false) String linkToken, HttpServletResponse response, Model model,
                        RedirectAttributes flash) {
        HttpStatus status;
        try {
            setCookie(response, emails.confirm(pid, cid, linkToken));
            flash.addFlashAttribute("notice", "consultations.email.confirmed");
            return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + cid);
        } catch (InvalidInputException e) {
            model.addAttribute("verifyError", text(e.problems().getFirst().code()));
            status = HttpStatus.BAD_REQUEST;
        } catch (ConflictException e) {
            model.addAttribute("verifyError", text(e.getMessage()));
            status = HttpStatus.CONFLICT;
        }
        pageModel(pid, cid, model);
        model.addAttribute("linkToken", linkToken);
        model.addAttribute("linkState", EmailVerifications.LinkState.UNKNOWN);
        ModelAndView mv = new ModelAndView("consultations/verify", model.asMap());
        mv.setStatus(status);
        return mv;
    }

    /** Demographic answers: one select per question, named {@code q<id>}; an empty one is "prefer not to say". */
    @PostMapping("/processes/{processId}/consultations/{consultationId}/demographics")
    ModelAndView answer(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                        @RequestParam Map<String, String> params, @CookieValue(name = COOKIE, required = false) String token,
                        HttpServletResponse response, Model model, RedirectAttributes flash) {
        Consultation c = consultations.get(pid, cid);
        Map<Long, Integer> answers = new LinkedHashMap<>();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        try {
            for (var e : params.entrySet()) {
                if (e.getKey().matches("q\\d{1,18}") && !e.getValue().isBlank()) {
                    answers.put(Long.parseLong(e.getKey().substring(1)), Integer.parseInt(e.getValue().strip()));
                }
            }
            demographics.answer(pid, cid, participantFor(c, token, response), answers);
            flash.addFlashAttribute("notice", answers.isEmpty() ? "consultations.demographics.nothing" : "consultations.demographics.saved");
            return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + cid);
        } catch (NumberFormatException e) {
            model.addAttribute("demographicsError", text("consultations.error.questionUnknown"));
        } catch (InvalidInputException e) {
            model.addAttribute("demographicsError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
        } catch (ConflictException e) {
            model.addAttribute("demographicsError", text(e.getMessage()));
            status = HttpStatus.CONFLICT;
        }
        model.addAttribute("typedAnswers", answers);
        ModelAndView mv = participationPage(pid, cid, token, model);
        mv.setStatus(status);
        return mv;
    }

    @GetMapping("/processes/{processId}/consultations/{consultationId}/report")
    String report(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid, Model model) {
        pageModel(pid, cid, model);
        Report report = consultations.report(pid, cid);
        model.addAttribute("report", report);
        Map<Long, Statement> byId = new LinkedHashMap<>();
        consultations.statements(pid, cid).forEach(s -> byId.put(s.id(), s));
        model.addAttribute("statementById", byId);
        model.addAttribute("statementRows", report.statements().stream().filter(f -> byId.containsKey(f.id())).toList());
        return "consultations/report";
    }

    @GetMapping("/processes/{processId}/consultations/{consultationId}/moderation")
    String moderation(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid, Model model) {
        organised(pid, model);
        pageModel(pid, cid, model);
        model.addAttribute("pending", consultations.moderationQueue(pid, cid, Statement.Status.PENDING, Viewer.current()));
        model.addAttribute("rejected", consultations.moderationQueue(pid, cid, Statement.Status.REJECTED, Viewer.current()));
        model.addAttribute("accepted", consultations.statements(pid, cid));
        if (!model.containsAttribute("typedTranslations")) {
            model.addAttribute("typedTranslations", Map.of());
        }
        return "consultations/moderation";
    }

    /** A moderator's translations of one statement, one field per other language ({@code translation.uk}, …); an empty field removes one. */
    @PostMapping("/processes/{processId}/consultations/{consultationId}/statements/{statementId}/translations")
    ModelAndView translate(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid, @PathVariable("statementId") long sid,
                           @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        Map<String, String> translations = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("translation.")) {
                translations.put(k.substring("translation.".length()), v);
            }
        });
        try {
            consultations.translate(pid, cid, sid, translations, Viewer.current());
            flash.addFlashAttribute("notice", "consultations.translations.saved");
            return new ModelAndView("redirect:/processes/" + pid + "/consultations/" + cid + "/moderation");
        } catch (InvalidInputException e) {
            model.addAttribute("moderationError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
            model.addAttribute("typedTranslations", Map.of(sid, translations));
        }
        moderation(pid, cid, model);
        return invalid("consultations/moderation", model);
    }

    /** Invitation codes for a closed consultation: shown once, here; only their hashes are kept. */
    @PostMapping("/processes/{processId}/consultations/{consultationId}/invitations")
    ModelAndView invite(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid,
                        @RequestParam(name = "count", required = false) String count, Model model) {
        HttpStatus status = HttpStatus.OK;
        try {
            int n = count == null || !count.strip().matches("\\d{1,6}") ? 0 : Integer.parseInt(count.strip());
            model.addAttribute("codes", consultations.invite(pid, cid, n, Viewer.current()));
        } catch (InvalidInputException e) {
            model.addAttribute("invitationError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
            model.addAttribute("typedCount", count);
            status = HttpStatus.BAD_REQUEST;
        } catch (ConflictException e) {
            model.addAttribute("invitationError", text(e.getMessage()));
            status = HttpStatus.CONFLICT;
        }
        moderation(pid, cid, model);
        ModelAndView mv = new ModelAndView("consultations/moderation", model.asMap());
        mv.setStatus(status);
        return mv;
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/statements/{statementId}/moderation")
    String moderate(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid, @PathVariable("statementId") long sid,
                    @RequestParam(name = "accept", required = false) Boolean accept, @RequestParam(name = "reason", required = false) String reason,
                    RedirectAttributes flash) {
        try {
            consultations.moderate(pid, cid, sid, new ModerationDecision(accept, reason), Viewer.current());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("moderationError", text(e.problems().getFirst().code(), e.problems().getFirst().args()));
        }
        return "redirect:/processes/" + pid + "/consultations/" + cid + "/moderation";
    }

    @PostMapping("/processes/{processId}/consultations/{consultationId}/close")
    String close(@PathVariable("processId") long pid, @PathVariable("consultationId") long cid, RedirectAttributes flash) {
        try {
            consultations.close(pid, cid, Viewer.current());
            flash.addFlashAttribute("notice", "consultations.closed.notice");
        } catch (ConflictException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/processes/" + pid + "/consultations/" + cid + "/report";
    }

    // --- helpers

    private void card(long pid, Consultation c, Long participant, Model model) {
        Consultations.Next next = consultations.next(pid, c.id(), participant);
        model.addAttribute("next", next);
        model.addAttribute("participant", participant);
        model.addAttribute("lang", lang());
    }

    /** The participant behind the cookie, creating the cookie and (in open mode) the participant on first use. */
    private Long participantFor(Consultation c, String token, HttpServletResponse response) {
        String t = token;
        if (t == null || t.isBlank() || t.length() > 200) {
            t = Consultations.newToken();
            setCookie(response, t);
        }
        return consultations.participant(c.id(), t, true).orElse(null);
    }

    private static void setCookie(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/processes");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private Consultation pageModel(long pid, long cid, Model model) {
        Process process = processModel(pid, model);
        Consultation c = consultations.get(process.id(), cid);
        model.addAttribute("consultation", c);
        model.addAttribute("phase", consultations.phase(c));
        model.addAttribute("canOrganise", consultations.organises(pid, Viewer.current()));
        return c;
    }

    private Process processModel(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canOrganise", consultations.organises(pid, Viewer.current()));
        return process;
    }

    private void organised(long pid, Model model) {
        processModel(pid, model);
        if (!Viewer.current().is(Role.MEDIATOR) || !consultations.organises(pid, Viewer.current())) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
    }

    private static String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static void addProblems(BindingResult result, InvalidInputException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (var p : e.problems()) {
            if (p.field() != null && form.isReadableProperty(p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        }
    }

    private static ModelAndView invalid(String view, Model model) {
        ModelAndView mv = new ModelAndView(view, model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }
}
