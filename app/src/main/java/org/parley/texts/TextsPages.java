package org.parley.texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.parley.platform.ConflictException;
import org.parley.platform.FormProblems;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The texts of a process and each text's page: the mediator drafts (articles, clauses, brackets, resolving them),
 * delegates state and share their positions, everyone at the table comments, the mediator adopts and the delegates
 * sign. A form that fails comes back with what was typed and a message per problem.
 */
@Controller
class TextsPages {

    private static final String BACK = PageSupport.BACK;

    private final Texts texts;
    private final Processes processes;
    private final PageSupport pages;

    TextsPages(Texts texts, Processes processes, PageSupport pages) {
        this.texts = texts;
        this.processes = processes;
        this.pages = pages;
    }

    // --- the list

    @GetMapping("/processes/{processId}/texts")
    String list(@PathVariable("processId") long pid, Model model) {
        listModel(pid, model);
        model.addAttribute("submitted", Map.of());
        return "texts/list";
    }

    @PostMapping("/processes/{processId}/texts")
    ModelAndView create(@PathVariable("processId") long pid, @RequestParam(name = "trackId", required = false) Long trackId,
                        @RequestParam(name = "title", defaultValue = "") String title, @RequestParam(name = "preamble", defaultValue = "") String preamble,
                        @RequestParam(name = "visibility", defaultValue = "PUBLISHED") TextVisibility visibility,
                        @RequestParam(name = "signatoryIds", required = false) List<Long> signatoryIds,
                        @RequestParam(name = "heading", defaultValue = "") String heading, Model model, HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/texts");
        List<DraftArticle> articles = heading.isBlank() ? List.of() : List.of(new DraftArticle(null, heading, List.of()));
        NewText command = new NewText(trackId, title, preamble, visibility, signatoryIds == null ? List.of() : signatoryIds, articles);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("trackId", trackId);
        submitted.put("title", title);
        submitted.put("preamble", preamble);
        submitted.put("visibility", visibility.name());
        submitted.put("signatoryIds", signatoryIds == null ? List.of() : signatoryIds);
        submitted.put("heading", heading);
        try {
            NegotiatingText t = attempt(command, () -> texts.create(pid, command, Viewer.current()));
            return new ModelAndView("redirect:/processes/" + pid + "/texts/" + t.id());
        } catch (Problems p) {
            listModel(pid, model);
            model.addAttribute("submitted", submitted);
            model.addAttribute("problems", p.messages);
            return PageSupport.withStatus("texts/list", p.status);
        }
    }

    private void listModel(long pid, Model model) {
        processModel(pid, model);
        model.addAttribute("texts", texts.list(pid, Viewer.current()));
    }

    // --- one text

    @GetMapping("/processes/{processId}/texts/{textId}")
    String text(@PathVariable("processId") long pid, @PathVariable("textId") long tid, Model model) {
        textModel(pid, tid, model);
        return "texts/text";
    }

    @GetMapping("/processes/{processId}/texts/{textId}/redline")
    String redline(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                   @RequestParam(name = "from", required = false) Integer from, @RequestParam(name = "to", required = false) Integer to,
                   Model model) {
        NegotiatingText t = textModel(pid, tid, model);
        int b = to == null ? t.version() : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        model.addAttribute("redline", texts.redline(pid, tid, a, b, null, Viewer.current()));
        return "texts/redline";
    }

    // --- the whole draft at once

    /** Big texts make big forms: a 300-clause draft has a few thousand fields. */
    @InitBinder("form")
    void bigForms(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(5000);
    }

    @GetMapping("/processes/{processId}/texts/{textId}/edit")
    String editForm(@PathVariable("processId") long pid, @PathVariable("textId") long tid, Model model) {
        NegotiatingText t = editable(pid, tid, model);
        model.addAttribute("form", DraftForm.of(t));
        return "texts/edit";
    }

    @PostMapping("/processes/{processId}/texts/{textId}/edit")
    ModelAndView edit(@PathVariable("processId") long pid, @PathVariable("textId") long tid, @Valid @ModelAttribute("form") DraftForm form,
                      BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        request.setAttribute(BACK, "/processes/" + pid + "/texts/" + tid + "/edit");
        editable(pid, tid, model);
        Draft draft = result.hasErrors() ? null : form.toDraft(result);
        if (draft != null) {
            try {
                texts.save(pid, tid, draft, Viewer.current());
                redirect.addFlashAttribute("notice", "texts.saved");
                return new ModelAndView("redirect:/processes/" + pid + "/texts/" + tid);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        form.withEmptyRows();
        return PageSupport.withStatus("texts/edit", HttpStatus.BAD_REQUEST);
    }

    /** The draft for the whole-text form: the mediator's, and only while it is a draft. */
    private NegotiatingText editable(long pid, long tid, Model model) {
        processes.requireMediator(pid, Viewer.current());
        NegotiatingText t = textModel(pid, tid, model);
        if (t.adopted()) {
            throw new ConflictException("texts.adopted.readOnly");
        }
        return t;
    }

    // --- one change at a time

    @PostMapping("/processes/{processId}/texts/{textId}/articles")
    ModelAndView addArticle(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                            @RequestParam(name = "heading", defaultValue = "") String heading,
                            @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletRequest request) {
        return edit(pid, tid, "article", Map.of("heading", heading, "reason", reason), model, request, t -> {
            List<DraftArticle> articles = new ArrayList<>(draftArticles(t));
            articles.add(new DraftArticle(null, heading, List.of()));
            return new Draft(t.title(), t.preamble(), articles, reason);
        });
    }

    @PostMapping("/processes/{processId}/texts/{textId}/clauses")
    ModelAndView addClause(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                           @RequestParam(name = "articleId", required = false) Long articleId,
                           @RequestParam(name = "body", defaultValue = "") String body,
                           @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletRequest request) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("articleId", articleId);
        submitted.put("body", body);
        submitted.put("reason", reason);
        return edit(pid, tid, "clause", submitted, model, request, t -> {
            if (articleId == null || t.articles().stream().noneMatch(a -> a.id() == articleId)) {
                throw new InvalidInputException("articleId", "texts.article.required");
            }
            return new Draft(t.title(), t.preamble(), t.articles().stream().map(a -> {
                List<DraftClause> clauses = new ArrayList<>(draftClauses(a));
                if (a.id() == articleId) {
                    clauses.add(new DraftClause(null, body, List.of()));
                }
                return new DraftArticle(a.id(), a.heading(), clauses);
            }).toList(), reason);
        });
    }

    @PostMapping("/processes/{processId}/texts/{textId}/clauses/{clauseId}")
    ModelAndView editClause(@PathVariable("processId") long pid, @PathVariable("textId") long tid, @PathVariable("clauseId") long cid,
                            @RequestParam(name = "body", defaultValue = "") String body,
                            @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletRequest request) {
        return edit(pid, tid, "clause-" + cid, Map.of("body", body, "reason", reason), model, request,
                t -> withClause(t, clause(t, cid), c -> new DraftClause(c.id(), body, c.alternatives()), reason));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/clauses/{clauseId}/alternatives")
    ModelAndView addAlternative(@PathVariable("processId") long pid, @PathVariable("textId") long tid, @PathVariable("clauseId") long cid,
                                @RequestParam(name = "body", defaultValue = "") String body,
                                @RequestParam(name = "partyId", required = false) Long partyId,
                                @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletRequest request) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("body", body);
        submitted.put("partyId", partyId);
        submitted.put("reason", reason);
        return edit(pid, tid, "alternative-" + cid, submitted, model, request, t -> withClause(t, clause(t, cid), c -> {
            if (partyId == null) {
                throw new InvalidInputException("partyId", "texts.alternative.partyRequired");
            }
            List<Alternative> alternatives = new ArrayList<>(c.alternatives());
            alternatives.add(new Alternative(body, partyId));
            // A first alternative brackets the clause's current words at the slot: they become the other alternative.
            return new DraftClause(c.id(), c.body(), alternatives);
        }, reason));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/clauses/{clauseId}/resolve")
    ModelAndView resolve(@PathVariable("processId") long pid, @PathVariable("textId") long tid, @PathVariable("clauseId") long cid,
                         @RequestParam(name = "choice", required = false) Integer choice,
                         @RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletRequest request) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("choice", choice);
        submitted.put("reason", reason);
        return edit(pid, tid, "resolve-" + cid, submitted, model, request, t -> withClause(t, clause(t, cid), c -> {
            if (choice == null || choice < 0 || choice >= c.alternatives().size()) {
                throw new InvalidInputException("choice", "texts.resolve.choiceRequired");
            }
            String chosen = c.alternatives().get(choice).body();
            String body = c.body().contains(Clause.SLOT) ? c.body().replace(Clause.SLOT, chosen) : c.body().strip() + " " + chosen;
            return new DraftClause(c.id(), body, List.of());
        }, reason));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/positions")
    ModelAndView position(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                          @RequestParam(name = "clauseId", required = false) Long clauseId,
                          @RequestParam(name = "stance", required = false) Stance stance,
                          @RequestParam(name = "amendment", required = false) String amendment, Model model, HttpServletRequest request,
                          RedirectAttributes redirect) {
        PositionInput input = new PositionInput(clauseId, stance, amendment == null || amendment.isBlank() ? null : amendment);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("stance", stance == null ? "" : stance.name());
        submitted.put("amendment", amendment == null ? "" : amendment);
        return act(pid, tid, "position-" + clauseId, submitted, model, request, redirect, "texts.position.recorded",
                () -> attempt(input, () -> texts.recordPosition(pid, tid, input, Viewer.current())));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/positions/share")
    ModelAndView share(@PathVariable("processId") long pid, @PathVariable("textId") long tid, Model model, HttpServletRequest request,
                       RedirectAttributes redirect) {
        return act(pid, tid, "share", Map.of(), model, request, redirect, "texts.positions.shared",
                () -> texts.sharePositions(pid, tid, Viewer.current()));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/comments")
    ModelAndView comment(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                         @RequestParam(name = "clauseId", required = false) Long clauseId,
                         @RequestParam(name = "body", defaultValue = "") String body, Model model, HttpServletRequest request,
                         RedirectAttributes redirect) {
        Comment.Input input = new Comment.Input(clauseId, body);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("body", body);
        submitted.put("clauseId", clauseId);
        return act(pid, tid, "comment", submitted, model, request, redirect, "texts.comment.added",
                () -> attempt(input, () -> texts.comment(pid, tid, input, Viewer.current())));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/adopt")
    ModelAndView adopt(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                       @RequestParam(name = "entryIntoForce", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate entryIntoForce,
                       Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return act(pid, tid, "adopt", Map.of(), model, request, redirect, "texts.adopted",
                () -> texts.adopt(pid, tid, new Adoption(entryIntoForce), Viewer.current()));
    }

    @PostMapping("/processes/{processId}/texts/{textId}/sign")
    ModelAndView sign(@PathVariable("processId") long pid, @PathVariable("textId") long tid,
                      @RequestParam(name = "verifierKey", required = false) String verifierKey,
                      @RequestParam(name = "signedNote", required = false) String signedNote, Model model, HttpServletRequest request,
                      RedirectAttributes redirect) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("verifierKey", verifierKey == null ? "" : verifierKey);
        submitted.put("signedNote", signedNote == null ? "" : signedNote);
        SignatureInput input = new SignatureInput(verifierKey, signedNote);
        return act(pid, tid, "sign", submitted, model, request, redirect, "texts.signed",
                () -> attempt(input, () -> texts.sign(pid, tid, input, Viewer.current())));
    }

    // --- helpers

    /** Saves an edit of the draft as a new version, or shows the page again with the problem and what was typed. */
    private ModelAndView edit(long pid, long tid, String form, Map<String, Object> submitted, Model model, HttpServletRequest request,
                              Function<NegotiatingText, Draft> change) {
        request.setAttribute(BACK, "/processes/" + pid + "/texts/" + tid);
        try {
            NegotiatingText t = texts.get(pid, tid, Viewer.current());
            if (t.adopted()) {
                throw new ConflictException("texts.adopted.readOnly");
            }
            Draft draft = change.apply(t);
            attempt(draft, () -> texts.save(pid, tid, draft, Viewer.current()));
            return new ModelAndView("redirect:/processes/" + pid + "/texts/" + tid + "#" + form);
        } catch (Problems p) {
            return failed(pid, tid, form, submitted, p, model);
        } catch (InvalidInputException e) {
            return failed(pid, tid, form, submitted, new Problems(HttpStatus.BAD_REQUEST, messagesOf(e)), model);
        } catch (ConflictException e) {
            return failed(pid, tid, form, submitted, new Problems(HttpStatus.CONFLICT, List.of(message(e.getMessage(), e.args()))), model);
        }
    }

    private ModelAndView act(long pid, long tid, String form, Map<String, Object> submitted, Model model, HttpServletRequest request,
                             RedirectAttributes redirect, String notice, Runnable action) {
        request.setAttribute(BACK, "/processes/" + pid + "/texts/" + tid);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return new ModelAndView("redirect:/processes/" + pid + "/texts/" + tid + "#" + form);
        } catch (Problems p) {
            return failed(pid, tid, form, submitted, p, model);
        } catch (InvalidInputException e) {
            return failed(pid, tid, form, submitted, new Problems(HttpStatus.BAD_REQUEST, messagesOf(e)), model);
        } catch (ConflictException e) {
            return failed(pid, tid, form, submitted, new Problems(HttpStatus.CONFLICT, List.of(message(e.getMessage(), e.args()))), model);
        }
    }

    private ModelAndView failed(long pid, long tid, String form, Map<String, Object> submitted, Problems p, Model model) {
        textModel(pid, tid, model);
        model.addAttribute("failedForm", form);
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", p.messages);
        return PageSupport.withStatus("texts/text", p.status);
    }

    /** Bean-validates the input as the API would, then runs the service call. */
    private <T> T attempt(Object input, Supplier<T> call) {
        List<String> violations = pages.validate(input, "texts");
        if (!violations.isEmpty()) {
            throw new Problems(HttpStatus.BAD_REQUEST, violations);
        }
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw new Problems(HttpStatus.BAD_REQUEST, messagesOf(e));
        }
    }

    private void attempt(Object input, Runnable call) {
        attempt(input, () -> {
            call.run();
            return null;
        });
    }

    private List<String> messagesOf(InvalidInputException e) {
        return pages.messagesOf(e, "texts");
    }

    private String message(String code, Object[] args) {
        return pages.message(code, args);
    }

    /** A failed form's messages and status. */
    static final class Problems extends RuntimeException {
        final HttpStatus status;
        final List<String> messages;

        Problems(HttpStatus status, List<String> messages) {
            super(String.join("; ", messages), null, false, false);
            this.status = status;
            this.messages = messages;
        }
    }

    private NegotiatingText textModel(long pid, long tid, Model model) {
        processModel(pid, model);
        Viewer viewer = Viewer.current();
        NegotiatingText t = texts.get(pid, tid, viewer);
        boolean mediator = texts.mediates(pid, viewer);
        Long own = viewer.is(Role.DELEGATE) && t.signatoryIds().contains(viewer.partyId()) ? viewer.partyId() : null;
        model.addAttribute("text", t);
        model.addAttribute("mediator", mediator);
        model.addAttribute("ownParty", own);
        model.addAttribute("track", processes.track(pid, t.trackId()));
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", Map.of());
        }
        if (t.contentVisible()) {
            List<Position> positions = texts.positions(pid, tid, viewer);
            Map<Long, Position> ownByClause = new LinkedHashMap<>();
            Map<Long, List<Position>> sharedByClause = new LinkedHashMap<>();
            for (Position p : positions) {
                if (own != null && p.partyId() == own) {
                    ownByClause.put(p.clauseId(), p);
                } else if (p.shared() || mediator) {
                    sharedByClause.computeIfAbsent(p.clauseId(), k -> new ArrayList<>()).add(p);
                }
            }
            model.addAttribute("ownPositions", ownByClause);
            model.addAttribute("otherPositions", sharedByClause);
            model.addAttribute("comments", texts.comments(pid, tid, viewer));
            model.addAttribute("clauseNumbers", t.clauses().stream().collect(Collectors.toMap(Clause::id, Clause::number)));
            model.addAttribute("versions", texts.versions(pid, tid, viewer).reversed());
            if (mediator) {
                model.addAttribute("matrix", texts.matrix(pid, tid, viewer));
                model.addAttribute("blockers", t.adopted() ? List.of() : texts.blockers(t));
            }
            model.addAttribute("signingStatement", t.adopted() ? Texts.signingStatement(t) : null);
            model.addAttribute("signedByOwn", own != null && t.signatures().stream().anyMatch(s -> s.partyId() == own));
        }
        return t;
    }

    private Process processModel(long pid, Model model) {
        Process process = pages.process(pid, model);
        model.addAttribute("stances", Stance.values());
        model.addAttribute("visibilities", TextVisibility.values());
        return process;
    }

    private static Clause clause(NegotiatingText t, long clauseId) {
        return t.clauses().stream().filter(c -> c.id() == clauseId).findFirst()
                .orElseThrow(() -> new InvalidInputException("clauseId", "texts.clause.notInText", clauseId));
    }

    private static List<DraftArticle> draftArticles(NegotiatingText t) {
        return t.articles().stream().map(a -> new DraftArticle(a.id(), a.heading(), draftClauses(a))).toList();
    }

    private static List<DraftClause> draftClauses(Article a) {
        return a.clauses().stream().map(c -> new DraftClause(c.id(), c.body(), c.alternatives())).toList();
    }

    private static Draft withClause(NegotiatingText t, Clause target, Function<DraftClause, DraftClause> change, String reason) {
        return new Draft(t.title(), t.preamble(), t.articles().stream()
                .map(a -> new DraftArticle(a.id(), a.heading(), a.clauses().stream()
                        .map(c -> {
                            DraftClause d = new DraftClause(c.id(), c.body(), c.alternatives());
                            return c.id() == target.id() ? change.apply(d) : d;
                        }).toList()))
                .toList(), reason);
    }
}
