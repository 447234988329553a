package org.parley.commitments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.parley.platform.FormProblems;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.roadmap.Roadmap;
import org.parley.texts.NegotiatingText;
import org.parley.texts.PageSupport;
import org.parley.texts.Texts;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Commitments with their roll-ups and barometer; each commitment with its level history, its indicators' measured
 * values over time, the forms to report and verify, and the mediator's form to change its terms.
 */
@Controller
class CommitmentsPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Commitments commitments;
    private final DeadlineEvents events;
    private final Texts texts;
    private final Roadmap roadmap;
    private final PageSupport pages;

    CommitmentsPages(Commitments commitments, DeadlineEvents events, Texts texts, Roadmap roadmap, PageSupport pages) {
        this.commitments = commitments;
        this.events = events;
        this.texts = texts;
        this.roadmap = roadmap;
        this.pages = pages;
    }

    @GetMapping("/processes/{processId}/commitments")
    String list(@PathVariable("processId") long pid, @RequestParam(name = "by", defaultValue = "THEME") Commitments.By by,
                @RequestParam(name = "theme", required = false) Theme theme, @RequestParam(name = "text", required = false) Long textId,
                @RequestParam(name = "party", required = false) Long partyId, Model model) {
        listModel(pid, by, theme, textId, partyId, model);
        model.addAttribute("form", new CommitmentForm().withEmptyRow());
        return "commitments/list";
    }

    @GetMapping("/processes/{processId}/commitments.csv")
    ResponseEntity<String> csv(@PathVariable("processId") long pid, @RequestParam(name = "by", defaultValue = "THEME") Commitments.By by) {
        return CommitmentsApi.csv("commitments-by-" + by.name().toLowerCase() + ".csv", Csv.rollup(commitments.rollup(pid, by, Viewer.current())));
    }

    @PostMapping("/processes/{processId}/commitments")
    ModelAndView create(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") CommitmentForm form, BindingResult result,
                        Model model, HttpServletRequest request) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/commitments");
        NewCommitment command = result.hasErrors() ? null : form.command(form.textId(), form.clauseId(), result);
        if (command != null) {
            try {
                Commitment c = commitments.create(pid, command, Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/commitments/" + c.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        listModel(pid, Commitments.By.THEME, null, null, null, model);
        form.withEmptyRow();
        return PageSupport.withStatus("commitments/list", HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/commitments/{commitmentId}")
    String commitment(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid, Model model) {
        commitmentModel(pid, cid, model);
        model.addAttribute("submitted", Map.of());
        return "commitments/commitment";
    }

    @GetMapping("/processes/{processId}/commitments/{commitmentId}/edit")
    String editForm(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid, Model model) {
        pages.requireMediator(pid);
        Commitment c = commitmentModel(pid, cid, model);
        model.addAttribute("form", CommitmentForm.of(c));
        return "commitments/edit";
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/edit")
    ModelAndView edit(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid,
                      @Valid @ModelAttribute("form") CommitmentForm form, BindingResult result, Model model, HttpServletRequest request,
                      RedirectAttributes redirect) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/commitments/" + cid + "/edit");
        pages.requireMediator(pid);
        Commitment c = commitmentModel(pid, cid, model);
        NewCommitment command = result.hasErrors() ? null : form.command(c.textId(), c.clauseId(), result);
        if (command != null) {
            try {
                commitments.update(pid, cid, command, Viewer.current());
                redirect.addFlashAttribute("notice", "commitments.updated");
                return new ModelAndView("redirect:/processes/" + pid + "/commitments/" + cid);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        form.withEmptyRow();
        return PageSupport.withStatus("commitments/edit", HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/report")
    ModelAndView report(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid,
                        @RequestParam(name = "level", required = false) Integer level, @RequestParam(name = "reason", defaultValue = "") String reason,
                        @RequestParam(name = "evidence", defaultValue = "") String evidence,
                        @RequestParam(name = "indicatorId", required = false) List<Long> indicatorIds,
                        @RequestParam(name = "indicatorValue", required = false) List<BigDecimal> indicatorValues,
                        Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return level(pid, cid, "report", new LevelInput(level, reason, evidence, values(indicatorIds, indicatorValues)), model, request, redirect);
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/verify")
    ModelAndView verify(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid,
                        @RequestParam(name = "level", required = false) Integer level, @RequestParam(name = "reason", defaultValue = "") String reason,
                        @RequestParam(name = "evidence", defaultValue = "") String evidence,
                        @RequestParam(name = "indicatorId", required = false) List<Long> indicatorIds,
                        @RequestParam(name = "indicatorValue", required = false) List<BigDecimal> indicatorValues,
                        Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return level(pid, cid, "verify", new LevelInput(level, reason, evidence, values(indicatorIds, indicatorValues)), model, request, redirect);
    }

    /** The indicator values typed beside a level (an indicator left empty is not measured this time). */
    private static List<Indicator.Value> values(List<Long> ids, List<BigDecimal> values) {
        List<Indicator.Value> out = new ArrayList<>();
        if (ids != null && values != null) {
            for (int i = 0; i < Math.min(ids.size(), values.size()); i++) {
                if (values.get(i) != null) {
                    out.add(new Indicator.Value(ids.get(i), values.get(i)));
                }
            }
        }
        return out;
    }

    private ModelAndView level(long pid, long cid, String form, LevelInput input, Model model, HttpServletRequest request,
                               RedirectAttributes redirect) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/commitments/" + cid);
        List<String> problems = pages.validate(input, "commitments");
        if (problems.isEmpty()) {
            try {
                if (form.equals("report")) {
                    commitments.report(pid, cid, input, Viewer.current());
                } else {
                    commitments.verify(pid, cid, input, Viewer.current());
                }
                redirect.addFlashAttribute("notice", "commitments." + form + ".done");
                return new ModelAndView("redirect:/processes/" + pid + "/commitments/" + cid + "#history");
            } catch (InvalidInputException e) {
                problems = pages.messagesOf(e, "commitments");
            }
        }
        commitmentModel(pid, cid, model);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("form", form);
        submitted.put("level", input.level());
        submitted.put("reason", input.reason());
        submitted.put("evidence", input.evidence());
        submitted.put("values", input.indicators().stream().collect(Collectors.toMap(Indicator.Value::indicatorId, v -> v.value().toPlainString(),
                (a, b) -> b)));
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        model.addAttribute("failedForm", form);
        return PageSupport.withStatus("commitments/commitment", HttpStatus.BAD_REQUEST);
    }

    // --- models

    private void listModel(long pid, Commitments.By by, Theme theme, Long textId, Long partyId, Model model) {
        process(pid, model);
        Viewer viewer = Viewer.current();
        List<Commitment> all = commitments.list(pid, viewer);
        model.addAttribute("commitments", all);
        model.addAttribute("by", by.name());
        model.addAttribute("rollup", commitments.rollup(pid, by, viewer));
        Barometer barometer = commitments.barometer(pid, theme, textId, partyId, viewer);
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("theme", theme == null ? "" : theme.name());
        filter.put("text", textId);
        filter.put("party", partyId);
        model.addAttribute("filter", filter);
        model.addAttribute("barometer", barometer);
        model.addAttribute("barometerJson", JSON.writeValueAsString(barometer.points().stream()
                .map(p -> Map.of("date", p.date().toString(), "reported", p.reported(), "verified", p.verified())).toList()));
        List<NegotiatingText> adopted = texts.list(pid, viewer).stream().filter(t -> t.adopted() && t.contentVisible()).toList();
        model.addAttribute("adoptedTexts", adopted);
        model.addAttribute("today", commitments.today());
        anchors(pid, all, model);
    }

    private void process(long pid, Model model) {
        pages.process(pid, model);
        model.addAttribute("themes", Theme.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
    }

    /** What a deadline may count from, for the mediator's forms: the commitments, the roadmap's milestones and the process's events. */
    private void anchors(long pid, List<Commitment> visible, Model model) {
        if (!Boolean.TRUE.equals(model.getAttribute("canEdit"))) {
            return;
        }
        model.addAttribute("anchorCommitments", visible);
        model.addAttribute("milestones", roadmap.milestones(pid));
        model.addAttribute("deadlineEvents", events.list(pid));
    }

    private Commitment commitmentModel(long pid, long cid, Model model) {
        process(pid, model);
        Viewer viewer = Viewer.current();
        Commitment c = commitments.get(pid, cid, viewer);
        model.addAttribute("commitment", c);
        model.addAttribute("history", commitments.history(pid, cid, viewer).reversed());
        model.addAttribute("measurements", commitments.measurements(pid, cid, viewer).reversed());
        model.addAttribute("indicatorById", c.indicators().stream().collect(Collectors.toMap(Indicator::id, Function.identity())));
        model.addAttribute("mayReport", commitments.mayReport(c, viewer));
        model.addAttribute("mayVerify", commitments.mayVerify(viewer));
        model.addAttribute("sourceText", texts.get(pid, c.textId(), viewer));
        List<Commitment> others = commitments.list(pid, viewer).stream().filter(x -> x.id() != cid).toList();
        model.addAttribute("anchor", others.stream().filter(x -> Long.valueOf(x.id()).equals(c.anchorCommitmentId())).findFirst().orElse(null));
        model.addAttribute("anchorMilestone", c.anchorMilestoneId() == null ? null : roadmap.milestone(pid, c.anchorMilestoneId()));
        model.addAttribute("anchorEvent", c.anchorEventId() == null ? null : events.get(pid, c.anchorEventId()));
        anchors(pid, others, model);
        return c;
    }
}
