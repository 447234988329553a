package org.parley.commitments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.texts.NegotiatingText;
import org.parley.texts.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Commitments with their roll-ups and barometer, each commitment with its level history and forms, and the plan's tables. */
@Controller
class CommitmentsPages {

    private static final String BACK = "org.parley.platform.web.Ui.back";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Commitments commitments;
    private final Texts texts;
    private final Processes processes;
    private final MessageSource messages;
    private final Validator validator;

    CommitmentsPages(Commitments commitments, Texts texts, Processes processes, MessageSource messages, Validator validator) {
        this.commitments = commitments;
        this.texts = texts;
        this.processes = processes;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/processes/{processId}/commitments")
    String list(@PathVariable("processId") long pid, @RequestParam(name = "by", defaultValue = "THEME") Commitments.By by,
                @RequestParam(name = "theme", required = false) Theme theme, @RequestParam(name = "text", required = false) Long textId,
                @RequestParam(name = "party", required = false) Long partyId, Model model) {
        listModel(pid, by, theme, textId, partyId, model);
        model.addAttribute("submitted", Map.of());
        return "commitments/list";
    }

    @GetMapping("/processes/{processId}/commitments.csv")
    ResponseEntity<String> csv(@PathVariable("processId") long pid, @RequestParam(name = "by", defaultValue = "THEME") Commitments.By by) {
        return CommitmentsApi.csv("commitments-by-" + by.name().toLowerCase() + ".csv", Csv.rollup(commitments.rollup(pid, by, Viewer.current())));
    }

    @PostMapping("/processes/{processId}/commitments")
    ModelAndView create(@PathVariable("processId") long pid, @RequestParam(name = "clause", required = false) String clause,
                        @RequestParam(name = "action", defaultValue = "") String action, @RequestParam(name = "theme", required = false) Theme theme,
                        @RequestParam(name = "partyIds", required = false) List<Long> partyIds,
                        @RequestParam(name = "deadlineKind", required = false) DeadlineKind deadlineKind,
                        @RequestParam(name = "dueDate", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                        @RequestParam(name = "offsetDays", required = false) Integer offsetDays,
                        @RequestParam(name = "anchorCommitmentId", required = false) Long anchor,
                        @RequestParam(name = "indicatorName", defaultValue = "") String indicatorName,
                        @RequestParam(name = "indicatorUnit", defaultValue = "") String indicatorUnit,
                        @RequestParam(name = "indicatorTarget", required = false) BigDecimal indicatorTarget,
                        Model model, HttpServletRequest request) {
        request.setAttribute(BACK, "/processes/" + pid + "/commitments");
        Long textId = null;
        Long clauseId = null;
        if (clause != null && clause.matches("\\d+/\\d+")) {
            textId = Long.valueOf(clause.split("/")[0]);
            clauseId = Long.valueOf(clause.split("/")[1]);
        }
        List<Indicator.Input> indicators = indicatorName.isBlank() ? List.of()
                : List.of(new Indicator.Input(indicatorName, indicatorUnit, indicatorTarget));
        NewCommitment command = new NewCommitment(textId, clauseId, action, theme, partyIds == null ? List.of() : partyIds, deadlineKind,
                dueDate, offsetDays, anchor, indicators);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("clause", clause);
        submitted.put("action", action);
        submitted.put("theme", theme == null ? "" : theme.name());
        submitted.put("partyIds", partyIds == null ? List.of() : partyIds);
        submitted.put("deadlineKind", deadlineKind == null ? "" : deadlineKind.name());
        submitted.put("dueDate", dueDate);
        submitted.put("offsetDays", offsetDays);
        submitted.put("anchorCommitmentId", anchor);
        submitted.put("indicatorName", indicatorName);
        submitted.put("indicatorUnit", indicatorUnit);
        submitted.put("indicatorTarget", indicatorTarget);
        List<String> problems = validate(command);
        if (problems.isEmpty()) {
            try {
                Commitment c = commitments.create(pid, command, Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/commitments/" + c.id());
            } catch (InvalidInputException e) {
                problems = messagesOf(e);
            }
        }
        listModel(pid, Commitments.By.THEME, null, null, null, model);
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        return withStatus("commitments/list", HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/commitments/{commitmentId}")
    String commitment(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid, Model model) {
        commitmentModel(pid, cid, model);
        model.addAttribute("submitted", Map.of());
        return "commitments/commitment";
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/report")
    ModelAndView report(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid,
                        @RequestParam(name = "level", required = false) Integer level, @RequestParam(name = "reason", defaultValue = "") String reason,
                        @RequestParam(name = "evidence", defaultValue = "") String evidence,
                        @RequestParam(name = "indicatorId", required = false) List<Long> indicatorIds,
                        @RequestParam(name = "indicatorValue", required = false) List<BigDecimal> indicatorValues,
                        Model model, HttpServletRequest request, RedirectAttributes redirect) {
        List<Indicator.Value> values = new ArrayList<>();
        if (indicatorIds != null && indicatorValues != null) {
            for (int i = 0; i < Math.min(indicatorIds.size(), indicatorValues.size()); i++) {
                if (indicatorValues.get(i) != null) {
                    values.add(new Indicator.Value(indicatorIds.get(i), indicatorValues.get(i)));
                }
            }
        }
        return level(pid, cid, "report", new LevelInput(level, reason, evidence, values), model, request, redirect);
    }

    @PostMapping("/processes/{processId}/commitments/{commitmentId}/verify")
    ModelAndView verify(@PathVariable("processId") long pid, @PathVariable("commitmentId") long cid,
                        @RequestParam(name = "level", required = false) Integer level, @RequestParam(name = "reason", defaultValue = "") String reason,
                        @RequestParam(name = "evidence", defaultValue = "") String evidence,
                        Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return level(pid, cid, "verify", new LevelInput(level, reason, evidence, List.of()), model, request, redirect);
    }

    private ModelAndView level(long pid, long cid, String form, LevelInput input, Model model, HttpServletRequest request,
                               RedirectAttributes redirect) {
        request.setAttribute(BACK, "/processes/" + pid + "/commitments/" + cid);
        List<String> problems = validate(input);
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
                problems = messagesOf(e);
            }
        }
        commitmentModel(pid, cid, model);
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("form", form);
        submitted.put("level", input.level());
        submitted.put("reason", input.reason());
        submitted.put("evidence", input.evidence());
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        model.addAttribute("failedForm", form);
        return withStatus("commitments/commitment", HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/plan")
    String plan(@PathVariable("processId") long pid, Model model) {
        processModel(pid, model);
        model.addAttribute("plan", commitments.plan(pid, Viewer.current()));
        model.addAttribute("commitmentById", commitments.list(pid, Viewer.current()).stream()
                .collect(Collectors.toMap(Commitment::id, Function.identity())));
        return "commitments/plan";
    }

    // --- helpers

    private void listModel(long pid, Commitments.By by, Theme theme, Long textId, Long partyId, Model model) {
        processModel(pid, model);
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
    }

    private Commitment commitmentModel(long pid, long cid, Model model) {
        processModel(pid, model);
        Viewer viewer = Viewer.current();
        Commitment c = commitments.get(pid, cid, viewer);
        model.addAttribute("commitment", c);
        model.addAttribute("history", commitments.history(pid, cid, viewer).reversed());
        model.addAttribute("mayReport", commitments.mayReport(c, viewer));
        model.addAttribute("mayVerify", commitments.mayVerify(viewer));
        model.addAttribute("sourceText", texts.get(pid, c.textId(), viewer));
        model.addAttribute("anchor", c.anchorCommitmentId() == null ? null : commitments.get(pid, c.anchorCommitmentId(), viewer));
        return c;
    }

    private Process processModel(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("trackById", processes.tracks(pid).stream().collect(Collectors.toMap(t -> t.id(), Function.identity())));
        model.addAttribute("themes", Theme.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("planKinds", PlanKind.values());
        return process;
    }

    private List<String> validate(Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        return violations.stream().map(v -> label(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
    }

    private String label(String path) {
        String field = path.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        return messages.getMessage("commitments.field." + field, null, field, LocaleContextHolder.getLocale());
    }

    private List<String> messagesOf(InvalidInputException e) {
        return e.problems().stream().map(p -> label(p.field() == null ? "" : p.field()) + ": "
                + messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale())).toList();
    }

    private static ModelAndView withStatus(String view, HttpStatus status) {
        ModelAndView mv = new ModelAndView(view);
        mv.setStatus(status);
        return mv;
    }
}
